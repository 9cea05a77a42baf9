import { GLOSSARY_PEOPLE, GLOSSARY_TERMS, type GlossaryEntry } from '../../tour/glossary';

function Entries({ entries }: { entries: readonly GlossaryEntry[] }) {
  return (
    <dl>
      {entries.map(({ term, text }) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{text}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The words and the people of the thread, one click from every chapter (loaded with the tour). */
export function Glossary() {
  return (
    <details className="glossary">
      <summary>Glossary: terms and people</summary>
      <h3>Terms</h3>
      <Entries entries={GLOSSARY_TERMS} />
      <h3>People in the thread</h3>
      <Entries entries={GLOSSARY_PEOPLE} />
    </details>
  );
}
