// A real link (it opens in a new tab, shows its address, survives reload) that moves within the app on a plain click.

import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { useNav } from './useRouter.ts';

export function RouteLink({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const nav = useNav();
  const click = (e: MouseEvent<HTMLAnchorElement>): void => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    nav.go(href);
  };
  return <a href={href} onClick={click} {...rest} />;
}
