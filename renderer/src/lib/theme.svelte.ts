// Follows the OS unless the user picked a theme; the choice is remembered per browser.
export type ThemeChoice = 'system' | 'light' | 'dark';

const storageKey = 'trm.theme';

function stored(): ThemeChoice {
  const value = localStorage.getItem(storageKey);
  return value === 'light' || value === 'dark' ? value : 'system';
}

export const theme = $state({ choice: stored() });

export function applyTheme(choice: ThemeChoice): void {
  theme.choice = choice;
  if (choice === 'system') {
    localStorage.removeItem(storageKey);
    delete document.documentElement.dataset.theme;
  } else {
    localStorage.setItem(storageKey, choice);
    document.documentElement.dataset.theme = choice;
  }
}
