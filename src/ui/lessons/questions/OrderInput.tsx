// Reordering without drag and drop: each item has "Move up" / "Move down" buttons (named after the item), focus
// follows the moved item, and a live region says where it went.

import { useEffect, useRef, useState } from 'react';
import { plainText, RichText } from '../blocks/RichText.tsx';
import { move } from './draft.ts';

interface Props {
  items: { id: string; text: string }[];
  order: string[];
  disabled: boolean;
  onChange(order: string[]): void;
}

export function OrderInput({ items, order, disabled, onChange }: Props) {
  const [said, setSaid] = useState('');
  const focus = useRef<{ id: string; dir: 'up' | 'down' } | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const text = (id: string): string => items.find((i) => i.id === id)?.text ?? id;

  useEffect(() => {
    const f = focus.current;
    if (!f) return;
    focus.current = null;
    const row = list.current?.querySelector<HTMLElement>(`[data-item="${CSS.escape(f.id)}"]`);
    const btn = row?.querySelector<HTMLButtonElement>(`button[data-dir="${f.dir}"]:not([disabled])`) ?? row?.querySelector<HTMLButtonElement>('button:not([disabled])');
    btn?.focus();
  }, [order]);

  const shift = (i: number, by: number): void => {
    const id = order[i]!;
    const next = move(order, i, by);
    focus.current = { id, dir: by < 0 ? 'up' : 'down' };
    setSaid(`${plainText(text(id))} is now number ${next.indexOf(id) + 1} of ${next.length}.`);
    onChange(next);
  };

  return (
    <>
      <ol ref={list} className="order-list">
        {order.map((id, i) => (
          <li key={id} data-item={id} className="order-item">
            <span className="order-pos" aria-hidden="true">
              {i + 1}
            </span>
            <span className="order-text">
              <RichText text={text(id)} />
            </span>
            <span className="order-buttons">
              <button type="button" className="btn btn-small" data-dir="up" disabled={disabled || i === 0} onClick={() => shift(i, -1)} aria-label={`Move ${plainText(text(id))} up`}>
                <span aria-hidden="true">↑</span>
              </button>
              <button type="button" className="btn btn-small" data-dir="down" disabled={disabled || i === order.length - 1} onClick={() => shift(i, 1)} aria-label={`Move ${plainText(text(id))} down`}>
                <span aria-hidden="true">↓</span>
              </button>
            </span>
          </li>
        ))}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {said}
      </p>
    </>
  );
}
