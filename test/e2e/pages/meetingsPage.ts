import type { Download, Locator, Page } from 'playwright-core';

/** The kick-off call screen: preparing the agenda, call mode and the recap. */
export class KickoffCallPage {
  constructor(readonly page: Page) {}

  agendaRows(): Locator {
    return this.page.getByTestId('agenda-row');
  }

  /** The title field of agenda item `n` (1-based). */
  agendaTitle(n: number): Locator {
    return this.page.getByRole('textbox', { name: `Agenda item ${n}`, exact: true });
  }

  async removeAgendaItem(title: string): Promise<void> {
    await this.page.getByRole('button', { name: `Remove “${title}”` }).click();
  }

  async moveUp(title: string): Promise<void> {
    await this.page.getByRole('button', { name: `Move “${title}” up` }).click();
  }

  attendees(): Locator {
    return this.page.getByRole('group', { name: 'Attendees', exact: true });
  }

  async addGuest(name: string): Promise<void> {
    const others = this.attendees().getByLabel('Others');
    await others.fill(name);
    await others.press('Enter');
  }

  async start(): Promise<void> {
    await this.page.getByRole('button', { name: 'Start the call' }).click();
    await this.currentItemTitle().waitFor();
  }

  currentItemTitle(): Locator {
    return this.page.getByTestId('current-item-title');
  }

  itemTimer(): Locator {
    return this.page.getByTestId('item-timer');
  }

  totalElapsed(): Locator {
    return this.page.getByTestId('total-elapsed');
  }

  notes(): Locator {
    return this.page.getByTestId('current-item').getByRole('textbox', { name: /^Notes on/ });
  }

  /** Types notes on the current item and waits until they are saved on this laptop. */
  async typeNotes(text: string): Promise<void> {
    const saves = await this.savesSoFar();
    await this.notes().fill(text);
    await this.notes().press('Tab');
    await this.page.locator('[data-testid="save-state"]').and(this.page.locator(`:not([data-saves="${saves}"])`)).waitFor();
  }

  /** How many writes the screen has completed ("Saved on this laptop" counts them). */
  private async savesSoFar(): Promise<string> {
    const indicator = this.page.getByTestId('save-state');
    return (await indicator.count()) > 0 ? ((await indicator.getAttribute('data-saves')) ?? '0') : '-1';
  }

  /** Types an action line and presses Enter; without a due date, accepts the date it offers. */
  async addAction(line: string, options: { acceptOfferedDue?: boolean } = {}): Promise<void> {
    const input = this.page.getByRole('textbox', { name: 'New action item' });
    await input.fill(line);
    await input.press('Enter');
    if (options.acceptOfferedDue) await this.page.getByRole('button', { name: 'Add with this date' }).click();
    await this.page.getByTestId('action-item').filter({ hasText: line.split(/\s@|\sdue:/)[0]! }).waitFor();
  }

  actionItems(): Locator {
    return this.page.getByTestId('action-item');
  }

  async addDecision(text: string): Promise<void> {
    const input = this.page.getByRole('textbox', { name: 'New decision' });
    await input.fill(text);
    await input.press('Enter');
    await this.page.getByTestId('decision').filter({ hasText: text }).waitFor();
  }

  async nextItem(): Promise<void> {
    await this.page.getByRole('button', { name: 'Done, next item' }).click();
  }

  async endCall(): Promise<void> {
    await this.page.getByRole('button', { name: 'End call' }).click();
    await this.page.getByRole('button', { name: 'End call and show the recap' }).click();
    await this.page.getByRole('heading', { level: 2, name: /^Kick-off recap/ }).waitFor();
  }

  recapText(): Locator {
    return this.page.getByTestId('recap-text');
  }
}

/** The partner's Meetings tab and the check-in form. */
export class MeetingsTabPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Meetings' }).click();
    await this.page.getByRole('heading', { name: 'Timeline' }).waitFor();
  }

  checkinDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Check-in with/ });
  }

  async openCheckinForm(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Record check-in' }).first().click();
    const dialog = this.checkinDialog();
    await dialog.waitFor();
    return dialog;
  }

  async setHeldOn(date: string): Promise<void> {
    const dialog = this.checkinDialog();
    const field = dialog.getByRole('textbox', { name: /^Held on/ });
    await field.fill(date);
    // Leave the field the way a user does, clicking elsewhere: the calendar closes, the date is read.
    await dialog.getByRole('heading', { name: /^Check-in with/ }).click();
  }

  async fillCheckin(values: { sentiment: number; blockers: string; notes: string; nextStep: string }): Promise<void> {
    const dialog = this.checkinDialog();
    await dialog.getByText(new RegExp(`^${values.sentiment}( ·|$)`)).click();
    await dialog.getByRole('textbox', { name: 'Blockers' }).fill(values.blockers);
    await dialog.getByRole('textbox', { name: 'Notes' }).fill(values.notes);
    const step = dialog.getByRole('textbox', { name: 'Next steps' });
    await step.fill(values.nextStep);
    await step.press('Enter');
    await dialog.getByTestId('next-step').first().waitFor();
  }

  async submitCheckin(): Promise<void> {
    await this.checkinDialog().getByRole('button', { name: 'Record check-in' }).click();
  }

  timelineEntries(): Locator {
    return this.page.getByTestId('timeline-entry');
  }

  /** The kind of each timeline entry shown: meeting, task or deal. */
  timelineKinds(): Promise<string[]> {
    return this.timelineEntries().evaluateAll((entries) => entries.map((entry) => entry.getAttribute('data-kind') ?? ''));
  }

  async filterTimeline(label: 'All' | 'Meetings' | 'Tasks done' | 'Deals'): Promise<void> {
    await this.page.getByRole('radiogroup', { name: 'Show in the timeline' }).getByText(label, { exact: true }).click();
  }

  /** Schedules the next check-in on its due date, unless one is already scheduled. */
  async scheduleNextCheckin(): Promise<void> {
    const schedule = this.page.getByRole('button', { name: 'Schedule it' });
    if ((await schedule.count()) > 0) await schedule.click();
    await this.page.getByTestId('upcoming-meetings').waitFor();
  }

  async exportUpcoming(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Export all (.ics)' }).click();
    return download;
  }
}
