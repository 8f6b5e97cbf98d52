import { guardQuota } from './quota';

interface Item<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

/**
 * Serialized read-modify-write of one stored value. Every change is applied to the value the
 * previous change wrote, so two tabs switching sites at the same moment both keep their change.
 * A change that fails (a full quota, a refused value) leaves the stored value as it was and does
 * not block the changes queued after it.
 */
export function createUpdater<T>(item: Item<T>, what: string, read: () => Promise<T> = () => item.getValue()) {
  let chain: Promise<unknown> = Promise.resolve();
  return function update(change: (current: T) => T): Promise<T> {
    const next = chain.then(async () => {
      const value = change(await read());
      await guardQuota(what, () => item.setValue(value));
      return value;
    });
    chain = next.catch(() => undefined);
    return next;
  };
}
