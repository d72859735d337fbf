// Small inline SVG icons: no icon font, no extra request.

const PATHS: Record<string, string> = {
  play: 'M7 4.5v15l12-7.5z',
  pause: 'M6.5 4.5h4v15h-4zM13.5 4.5h4v15h-4z',
  prev: 'M6 5h2.5v14H6zM19 5v14l-9-7z',
  next: 'M15.5 5H18v14h-2.5zM5 5v14l9-7z',
  restart: 'M12 5a7 7 0 1 1-6.6 4.7l2.3.8A4.6 4.6 0 1 0 12 7.4V10L7.5 6.2 12 2.5z',
  sun: 'M12 7a5 5 0 1 1 0 10a5 5 0 0 1 0-10zM11 1h2v3h-2zM11 20h2v3h-2zM1 11h3v2H1zM20 11h3v2h-3zM3.5 5l1.5-1.5 2 2L5.5 7zM17 18.5l1.5-1.5 2 2-1.5 1.5zM3.5 19l2-2 1.5 1.5-2 2zM17 5.5l2-2L20.5 5l-2 2z',
  moon: 'M14.5 2.5A9.5 9.5 0 1 0 21.5 16 7.5 7.5 0 0 1 14.5 2.5z',
};

export function Icon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
