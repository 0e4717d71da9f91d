import type { Locator, Page } from '@playwright/test';

/** Picks an option in one of the console's selects (Radix: a combobox button and a listbox) as a person does. */
export async function chooseOption(page: Page, combobox: Locator, option: string | RegExp): Promise<void> {
  await combobox.click();
  await page.getByRole('listbox').getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}
