// "Lab | Course" in both headers. Part of the first screen's bundle, so it stays tiny; the course itself loads lazily.

import { RouteLink } from './RouteLink.tsx';
import { useNav } from './useRouter.ts';
import './siteNav.css';

export function SiteNav() {
  const nav = useNav();
  const onLab = nav.route.page === 'lab';
  return (
    <nav className="site-nav" aria-label="TCP Lab sections">
      {/* On the lab, "Lab" is where you are: a click must not reload it from a stale address. */}
      <RouteLink href={nav.labHref()} aria-current={onLab ? 'page' : undefined} onClick={onLab ? (e) => e.preventDefault() : undefined}>
        Lab
      </RouteLink>
      <RouteLink href="?course" aria-current={onLab ? undefined : 'page'}>
        Course
      </RouteLink>
    </nav>
  );
}
