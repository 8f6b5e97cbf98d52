import type { EntityType, Position, Statement } from '../dataset/schema';
import type { Topic } from '../dataset/topics';

export interface RoleView {
  /** "Deputy Attorney General, U.S. Department of Justice" */
  label: string;
  /** "2017–2019" */
  span: string;
}

/** One entity of an article's cast, with what the card and the popup show about it. */
export interface CastMember {
  id: string;
  /** The name on the article's date ("Facebook" in 2017), and the canonical name. */
  name: string;
  canonicalName: string;
  type: EntityType;
  summary?: string;
  mentions: number;
  /** Offset of the first mention in the article text. */
  first: number;
  roleThen?: RoleView;
  /** Set only when it differs from roleThen. */
  roleNow?: RoleView;
  /** Positions on the article's detected topics, in the order the topics were detected. */
  stances: Position[];
  /** A few positions on other topics, shown when the article's own topics have none. */
  otherStances?: Position[];
  statements: Statement[];
}

export interface ArticleMention {
  start: number;
  end: number;
  /** Index into the cast. */
  member: number;
}

export interface ArticleAnalysis {
  topics: Topic[];
  cast: CastMember[];
  mentions: ArticleMention[];
}
