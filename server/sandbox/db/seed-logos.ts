/**
 * The logos of the seeded OAuth clients. Their logo_uri values name the company's own hosts
 * (deploy.acme.com …), which do not exist; the sandbox serves these images from the console's
 * own origin instead (/__sandbox/logos), so a client page never asks a host that does not resolve.
 */

function badge(initials: string, background: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">` +
    `<rect width="64" height="64" rx="14" fill="${background}"/>` +
    `<text x="32" y="41" font-family="system-ui, sans-serif" font-size="24" font-weight="700" fill="#fff" text-anchor="middle">${initials}</text>` +
    `</svg>`
  );
}

export interface SeededLogo {
  /** The logo_uri the seed stores. */
  uri: string;
  /** The file name under /__sandbox/logos/. */
  file: string;
  svg: string;
}

export const SEEDED_LOGOS: readonly SeededLogo[] = [
  { uri: 'https://deploy.acme.com/static/deploy-bot-logo.png', file: 'deploy-bot.svg', svg: badge('DB', '#1f6feb') },
  { uri: 'https://insights.acme.io/assets/logo-256.png', file: 'insights.svg', svg: badge('In', '#8250df') },
  { uri: 'https://partners.acme.com/assets/partner-portal.svg', file: 'partner-portal.svg', svg: badge('PP', '#bf3989') },
];
