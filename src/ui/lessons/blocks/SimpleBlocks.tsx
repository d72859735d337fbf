// The static blocks: prose, a worked formula, a table, code, a callout.

import type { ResolvedBlock } from '../../../lessons/index.ts';
import { RichText } from './RichText.tsx';

type B<K extends ResolvedBlock['kind']> = Extract<ResolvedBlock, { kind: K }>;

export function Prose({ block }: { block: B<'prose'> }) {
  return (
    <p className="prose">
      <RichText text={block.text} />
    </p>
  );
}

export function Formula({ block }: { block: B<'formula'> }) {
  return (
    <div className="formula">
      <p className="formula-title">
        <RichText text={block.title} />
      </p>
      <p className="formula-working">
        <RichText text={block.working} />
      </p>
    </div>
  );
}

export function Table({ block, label }: { block: B<'table'>; label: string }) {
  return (
    <div className="table-scroll lesson-table-wrap" tabIndex={0} role="region" aria-label={label}>
      <table className="lesson-table">
        <thead>
          <tr>
            {block.columns.map((c, i) => (
              <th key={i} scope="col">
                <RichText text={c} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {block.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) => (
                <td key={i}>
                  <RichText text={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const LANGUAGE: Record<B<'code'>['language'], string> = { c: 'C', python: 'Python', shell: 'Shell', text: 'Text' };

export function Code({ block }: { block: B<'code'> }) {
  return (
    <pre className="lesson-code" tabIndex={0} role="region" aria-label={`${LANGUAGE[block.language]} example`}>
      <code>{block.lines.join('\n')}</code>
    </pre>
  );
}

const TONE: Record<B<'callout'>['tone'], string> = { note: 'Note', warning: 'Watch out', linux: 'On Linux' };

export function Callout({ block }: { block: B<'callout'> }) {
  return (
    <div className={`callout callout-${block.tone}`} role="note">
      <p>
        <strong className="callout-tone">{TONE[block.tone]}: </strong>
        <RichText text={block.text} />
      </p>
    </div>
  );
}
