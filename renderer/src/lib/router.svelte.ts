// Hash routing: works the same from app:// and http://, and survives reloads.
export const screens = [
  { id: 'solve', label: 'Solve' },
  { id: 'history', label: 'History' },
  { id: 'batch', label: 'Batch' },
  { id: 'models', label: 'Models' },
  { id: 'settings', label: 'Settings' },
] as const;

export type ScreenId = (typeof screens)[number]['id'];

export function screenFromHash(hash: string): ScreenId {
  const id = hash.replace(/^#\/?/, '');
  return screens.find((s) => s.id === id)?.id ?? 'solve';
}

export const route = $state({ screen: screenFromHash(window.location.hash) });

window.addEventListener('hashchange', () => {
  route.screen = screenFromHash(window.location.hash);
});
