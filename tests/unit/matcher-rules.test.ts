import { describe, expect, it } from 'vitest';
import { linked } from '../helpers/dataset';

describe('matcher rules', () => {
  it('reads a ticker in parentheses as evidence, not as a second mention', () => {
    expect(linked('Meta Platforms (NASDAQ: META) and Meta (META.O) fell; Nvidia (NVDA.O) rose.')).toEqual([
      'Meta Platforms→meta',
      'Meta→meta',
      'Nvidia→nvidia',
    ]);
  });

  it('keeps an acronym in parentheses: "(CNIL)" is not a ticker', () => {
    expect(linked('The Commission nationale de l’informatique et des libertés (CNIL) fined Google.')).toContain(
      'CNIL→cnil',
    );
  });

  it('leaves a month after a day number, and a sentence-opening month when the article uses dates', () => {
    const text =
      'Theresa May set out the plan. Elections on 2 May and 23 May leave little time. May will also bring a new law. May said she was confident.';
    expect(linked(text)).toEqual(['Theresa May→theresa-may', 'May→theresa-may']);
  });

  it('does not link a bare surname that someone outside the dataset also carries', () => {
    const text = 'Joe Biden spoke on Monday. Hunter Biden was not at the event. Biden left early.';
    expect(linked(text)).toEqual(['Joe Biden→joe-biden']);
  });

  it('links a surname after a committee title, and a knight or dame by title and first name', () => {
    const senate =
      'Ranking Member Ted Cruz spoke first. "I thank Chair Cantwell and Ranking Member Cruz," she said. Senators Cruz and Cantwell agreed.';
    expect(linked(senate).filter((m) => m.endsWith('ted-cruz'))).toEqual([
      'Ted Cruz→ted-cruz',
      'Cruz→ted-cruz',
      'Cruz→ted-cruz',
    ]);
    const ofcom =
      'Dame Melanie Dawes, chief executive of Ofcom, spoke on Monday. Dame Melanie said the plans were ready. Sir Keir was not there.';
    expect(linked(ofcom).filter((m) => !m.endsWith('ofcom'))).toEqual([
      'Melanie Dawes→melanie-dawes',
      'Dame Melanie→melanie-dawes',
    ]);
    // Not before the person is named in full.
    expect(linked('Dame Melanie spoke first. Later, Dame Melanie Dawes agreed.')).toEqual([
      'Melanie Dawes→melanie-dawes',
    ]);
  });

  it('links a guarded company listed next to a company already found', () => {
    expect(linked('La orden obligaba a Apple y Google a retirar las aplicaciones.')).toEqual([
      'Apple→apple',
      'Google→google',
    ]);
  });

  it('reads a capitalized common noun after an indefinite article as a noun', () => {
    const text =
      'Meredith Whittaker warnte vor dem verschlüsselten Messenger. Für die Gegner ist das ein wichtiges Signal.';
    expect(linked(text).filter((l) => l.startsWith('Signal→'))).toEqual([]);
    // German capitalizes every noun, so "Messengers Signal" is no longer name there.
    const german =
      'Besonders deutlich fiel die Reaktion des verschlüsselten Messengers Signal aus. Die Präsidentin Meredith ' +
      'Whittaker erklärte, man werde eher den Markt verlassen, als die Verschlüsselung zu schwächen, und sie sagte, ' +
      'dass die Nutzer sich auf den Schutz ihrer Nachrichten verlassen können müssen.';
    expect(linked(german)).toEqual(['Signal→signal', 'Meredith Whittaker→meredith-whittaker']);
  });

  it('links German genitives in German text only', () => {
    const german =
      'Die Entscheidung des Bundeskartellamts ist ein Erfolg für die Behörde. Der Fall zeigt, dass das Amt mit der ' +
      'Kommission nicht allein ist, und die Richter haben sich auf die Seite der Wettbewerbshüter gestellt, die seit ' +
      'Jahren gegen die Datensammlung vorgehen und dafür viel Kritik einstecken mussten.';
    expect(linked(german)).toContain('Bundeskartellamt→bundeskartellamt');
    expect(linked('The Bundeskartellamts are many.')).toEqual([]);
  });

  it('does not read a one-word name inside a longer proper name', () => {
    expect(linked('Tim Cook visited the Big Apple and Times Square. India’s Supreme Court ruled.')).toEqual([
      'Tim Cook→tim-cook',
    ]);
  });

  it('does not read "Über" as Uber', () => {
    expect(linked('Über die Pläne von Uber und Lyft wurde gestritten; Uber Technologies schwieg.')).not.toContain(
      'Über→uber',
    );
  });

  it('uses dataset context for X, the Amazon and Meta', () => {
    expect(linked('X, formerly Twitter, was fined. X said it would appeal.')).toEqual([
      'X→twitter',
      'Twitter→twitter',
      'X→twitter',
    ]);
    expect(linked('Press the X button. Elon Musk laughed.')).toEqual(['Elon Musk→elon-musk']);
    expect(linked('AWS opened a data centre while fires burned in the Amazon basin.')).toEqual(['AWS→aws']);
    expect(linked('Other platforms, including Meta, removed the video.')).toEqual(['Meta→meta']);
    expect(linked('She criticized how antitrust enforcement ignored abuses by Amazon.')).toEqual(['Amazon→amazon']);
    expect(linked('Antitrust lawyers flew over the Amazon rainforest.')).toEqual([]);
  });

  it('leaves other bodies and things that share a guarded name (found on real pages)', () => {
    // Each text has the guard's context, so only the veto words stop the link.
    expect(
      linked('The EU budget was debated. Electoral Commission. 8 May 2005. Parliament voted on the bill.').filter((l) =>
        l.endsWith('→european-commission'),
      ),
    ).toEqual([]);
    expect(
      linked('In 1947 the country adopted the Statute of Westminster, and Parliament passed the bill.').filter((l) =>
        l.startsWith('Westminster→'),
      ),
    ).toEqual([]);
    expect(
      linked('Das Video zeigt das neue iPhone mit 10-fach optischen Zoom für Meetings.').filter((l) =>
        l.startsWith('Zoom→'),
      ),
    ).toEqual([]);
    expect(
      linked('The competition includes a CCI** and a CCI*** for young horses.').filter((l) => l.endsWith('→cci')),
    ).toEqual([]);
    // A country or a state named in passing is no sign of the U.S. Supreme Court.
    expect(
      linked(
        'The American-born judge joined the Washington state Supreme Court in Olympia. India’s markets rallied after the Supreme Court ruled on Essar Steel.',
      ).filter((l) => l.endsWith('→us-supreme-court')),
    ).toEqual([]);
    expect(linked('The FBI said the case could reach the Supreme Court.')).toContain('Supreme Court→us-supreme-court');
    // The same names still link where they mean the body or the company.
    expect(linked('Lawmakers in Westminster debated the bill as MPs returned.')).toContain('Westminster→uk-parliament');
    expect(linked('The Zoom meeting drew video calls from around the world.')).toContain('Zoom→zoom');
  });

  it('leaves a national commission named by a qualifier after "Commission" or "Kommission"', () => {
    const french =
      'La Commission européenne n’est pas concernée. Le dossier va à la Commission des infractions fiscales, puis à la Commission nationale de contrôle.';
    expect(linked(french)).toEqual(['Commission européenne→european-commission']);
    const german = 'Die EU-Kommission prüft den Fall. Die Kommission für Jugendmedienschutz hat sich nicht geäußert.';
    expect(linked(german)).toEqual(['EU-Kommission→european-commission']);
    // The qualifier is needed: the bare word after the full name still means the European Commission.
    expect(linked('La Commission européenne a infligé une amende. La Commission a aussi ouvert une enquête.')).toEqual([
      'Commission européenne→european-commission',
      'Commission→european-commission',
    ]);
  });

  it('reads an acronym the article defines as the body it defines', () => {
    const korean =
      'Seoul regulators fined Google. The Fair Trade Commission (FTC) said the case was closed, and the FTC ordered changes.';
    expect(linked(korean).filter((l) => l.startsWith('FTC'))).toEqual(['FTC→kftc', 'FTC→kftc']);
    const american = 'The Federal Trade Commission (FTC) sued Amazon. The FTC said it would appeal.';
    expect(linked(american).filter((l) => l.startsWith('FTC'))).toEqual(['FTC→ftc', 'FTC→ftc']);
    // Defined as a body the dataset does not know: the letters name no entity of ours.
    const kenyan =
      'A complaint reached the Kenya Data Protection Commissioner (DPC) under the data protection law. The DPC will rule.';
    expect(linked(kenyan)).toEqual([]);
    // Defined in words we do not match, but that are one of our names written another way.
    expect(linked('The US Securities & Exchange Commission (SEC) sued. The SEC said it would seek a ban.')).toEqual([
      'SEC→sec',
      'SEC→sec',
    ]);
    // An acronym the dataset lacks is learned from its definition.
    expect(linked('La Comisión Europea (CE) multó a Google. La CE recurrirá.')).toEqual([
      'Comisión Europea→european-commission',
      'CE→european-commission',
      'Google→google',
      'CE→european-commission',
    ]);
  });

  it('takes a company speaking, or spoken for, as evidence for its common-word name', () => {
    expect(linked('Apple declined to comment on the order.')).toEqual(['Apple→apple']);
    expect(linked('An Apple spokesperson did not reply.')).toEqual(['Apple→apple']);
    expect(linked('Amazon said it would appeal the ruling.')).toEqual(['Amazon→amazon']);
    // Once the company is shown to be meant, the article's other uses of the name follow.
    expect(linked('The order covers data of Apple users worldwide. Apple declined to comment.')).toEqual([
      'Apple→apple',
      'Apple→apple',
    ]);
    // Not for bodies named by a common word: which commission speaks is the question.
    expect(linked('The Commission said it would publish its findings next year.')).toEqual([]);
    expect(linked('An apple a day, the saying goes.')).toEqual([]);
  });

  it('reads a context word in the plural, an owner before an acronym, and a surname with or without its hyphen', () => {
    expect(linked('Amazon undercut small retailers on price.')).toEqual(['Amazon→amazon']);
    expect(linked('The UK’s NCSC deferred the matter.')).toEqual(['NCSC→ncsc']);
    expect(linked('Julie Inman Grant spoke first. Later, Inman-Grant said the law was clear.')).toEqual([
      'Julie Inman Grant→julie-inman-grant',
      'Inman-Grant→julie-inman-grant',
    ]);
  });

  it('leaves regulators of other countries that share a name with one of ours', () => {
    const japan =
      'Japan’s privacy watchdog warned OpenAI. The Personal Information Protection Commission said the company should collect less data.';
    expect(linked(japan).filter((l) => l.includes('pipc-korea'))).toEqual([]);
    const kenya =
      'The Office of the Data Protection Commissioner in Nairobi said Worldcoin had not registered. Kenya’s government agreed.';
    expect(linked(kenya).filter((l) => l.includes('irish-dpc'))).toEqual([]);
    expect(linked('Ireland’s Office of the Data Protection Commissioner fined the firm in 2014.')).toContain(
      'Office of the Data Protection Commissioner→irish-dpc',
    );
  });

  it('leaves a body named right after another country: "Nigeria’s Data Protection Commission"', () => {
    expect(
      linked(
        'Nigeria’s Data Protection Commission fined Meta. Ireland’s National Cyber Security Centre and the Nigerian Securities and Exchange Commission also spoke.',
      ).filter((l) => !l.startsWith('Meta')),
    ).toEqual([]);
    // Its own country, or none, is fine.
    expect(
      linked(
        'The UK’s National Cyber Security Centre, the German Federal Cartel Office and the U.S. Securities and Exchange Commission met.',
      ),
    ).toEqual([
      'National Cyber Security Centre→ncsc',
      'German Federal Cartel Office→bundeskartellamt',
      'U.S. Securities and Exchange Commission→sec',
    ]);
  });

  it('reads acronyms defined after a possessive, written as words, or spelled by a body the article names', () => {
    expect(
      linked('The Information Commissioner’s Office’s (ICO) new approach was clear. The ICO issued its fine.').filter(
        (l) => l.startsWith('ICO'),
      ),
    ).toEqual(['ICO→ico', 'ICO→ico']);
    expect(
      linked(
        'La Commission nationale de l’informatique et des libertés (Cnil) sanctionne Google. La Cnil reproche au groupe ses cookies.',
      ).filter((l) => l.startsWith('Cnil')),
    ).toEqual(['Cnil→cnil', 'Cnil→cnil']);
    // Never defined, but the article names a body whose name spells it, and never the U.S. one.
    expect(
      linked('Japan’s Fair Trade Commission ordered Google to stop. The FTC said it acted for the first time.').filter(
        (l) => l.startsWith('FTC'),
      ),
    ).toEqual(['FTC→jftc']);
    expect(linked('The FTC said it acted for the first time.')).toEqual(['FTC→ftc']);
  });

  it('links a list of guarded companies from whichever end one is known', () => {
    expect(linked('Cases are pending against companies including Amazon, Apple and Meta Platforms.')).toEqual([
      'Amazon→amazon',
      'Apple→apple',
      'Meta Platforms→meta',
    ]);
  });

  it('reads a bare "Justice Department" as the U.S. one only with signs of the United States', () => {
    const canada =
      'The online harms file shifted from Canadian Heritage to the Justice Department in Ottawa, the minister said.';
    expect(linked(canada)).toEqual([]);
    expect(linked('The Justice Department sued Google in Washington on Tuesday.')).toContain(
      'Justice Department→us-doj',
    );
    expect(linked('Cases were brought against Microsoft, Anthropic, Inflection and OpenAI.')).toContain(
      'Inflection→inflection-ai',
    );
  });
});
