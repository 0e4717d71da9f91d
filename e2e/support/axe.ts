import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

export interface A11yOptions {
  /** Limit the scan to these selectors. */
  include?: string | string[];
  /** Leave these selectors out (e.g. a third-party widget being fixed elsewhere). */
  exclude?: string | string[];
  /** Rule ids to skip; say why at the call site. */
  disableRules?: string[];
}

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/**
 * WCAG 2.5.3 (Label in Name, level A), which axe still marks experimental and leaves out of its
 * tags: a control whose aria-label drops its visible text cannot be operated by speaking that text.
 * Lighthouse checks it too.
 */
const EXPERIMENTAL_RULES = ['label-content-name-mismatch'];

/**
 * Axe once per page, not once per runtime: the SPA is the same build on Node and on Workers, so the
 * Workers project (metadata.runtime, playwright.config.ts) scans only in journeys tagged
 * `@workers-only` — pages and states that exist only there (the signed-in admin in the header).
 * Everywhere else the Node project's scans cover the page.
 */
function scansHere(): boolean {
  const info = test.info();
  return info.project.metadata?.runtime !== 'workers' || info.tags.includes('@workers-only');
}

/** Runs axe (WCAG 2.1 A/AA) on the page and fails with one readable line per violating node. */
export async function expectNoA11yViolations(page: Page, options: A11yOptions = {}): Promise<void> {
  if (!scansHere()) return;
  // options() replaces the whole run options, so it comes before withTags() adds runOnly to them.
  let builder = new AxeBuilder({ page })
    .options({ rules: Object.fromEntries(EXPERIMENTAL_RULES.map((id) => [id, { enabled: true }])) })
    .withTags(TAGS);
  for (const selector of [options.include ?? []].flat()) builder = builder.include(selector);
  for (const selector of [options.exclude ?? []].flat()) builder = builder.exclude(selector);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);
  const { violations } = await builder.analyze();
  const lines = violations.flatMap((v) =>
    v.nodes.map(
      (node) =>
        `[${v.impact ?? 'unknown'}] ${v.id}: ${v.help} — target ${JSON.stringify(node.target)}` +
        (node.failureSummary ? `\n      ${node.failureSummary.replace(/\n/g, '\n      ')}` : ''),
    ),
  );
  expect(lines, `axe found ${lines.length} accessibility violation(s) on ${page.url()}:\n${lines.join('\n')}`).toEqual([]);
}
