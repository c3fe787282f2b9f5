// The form that edits an account's services and sync: per service "Enabled" and "Sync", and Direct Routing's
// configuration while it is enabled. It only collects switches and text: the host applies them to the account it read,
// checks them with the rule table and shows the exact change in a modal confirmation before anything is sent. Its
// problems come back from the host, each shown under its field.
import { button, checkbox, textField } from '../../shared/browser/components';
import { codicon, h } from '../../shared/browser/dom';
import { escapeTarget } from '../../shared/browser/focus';
import { SERVICE_ORDER, type AccountOverview, type EditProblem, type ServiceKey, type ServicesEdit, type ServiceSetting } from '../protocol';

export interface EditFormHandlers {
  save(edit: ServicesEdit): void;
  cancel(): void;
}

type DirectRouting = NonNullable<ServicesEdit['directRouting']>;
const EMPTY_DR: DirectRouting = { subdomain: '', callScreening: false, region1Token: '', region2Token: '' };

export class EditForm {
  readonly element: HTMLElement;
  private readonly services: Record<ServiceKey, ServiceSetting>;
  private directRouting: DirectRouting;
  private readonly problems = new Map<string, HTMLElement>();
  private readonly summary = h('div', { class: 'form-problems', attrs: { 'aria-live': 'polite' } });
  private readonly drFields: HTMLElement;

  constructor(overview: AccountOverview, initial: ServicesEdit, handlers: EditFormHandlers) {
    this.services = { ...initial.services };
    this.directRouting = { ...(initial.directRouting ?? EMPTY_DR) };
    const rows = SERVICE_ORDER.map((key) => {
      const service = overview.services.find((s) => s.key === key);
      const name = service?.name ?? key;
      const hasSync = service?.syncEnabled !== undefined;
      const sync = hasSync
        ? checkbox('Sync', {
            checked: this.services[key].syncEnabled,
            title: `Sync ${name} numbers with the service (Microsoft Teams or Zoom)`,
            onChange: (checked) => (this.services[key] = { ...this.services[key], syncEnabled: checked }),
          })
        : h('span', { class: 'muted' }, 'No sync');
      const enabled = checkbox('Enabled', {
        checked: this.services[key].enabled,
        title: `Enable ${name} for this account`,
        onChange: (checked) => {
          this.services[key] = { ...this.services[key], enabled: checked };
          if (key === 'teamsDirectRouting') this.drFields.hidden = !checked;
        },
      });
      const problem = this.problemSlot(`services.${key}`);
      return h('div', { class: 'edit-row', attrs: { role: 'group', 'aria-label': name } }, h('span', { class: 'edit-name' }, name), enabled, sync, problem);
    });
    const dr = this.directRouting;
    this.drFields = h(
      'fieldset',
      { class: 'dr-fields' },
      h('legend', {}, 'Direct Routing configuration'),
      textField('Subdomain', { value: dr.subdomain, maxLength: 64, title: 'The Direct Routing subdomain (rule ACG-ACC-002)', onInput: (value) => (this.directRouting = { ...this.directRouting, subdomain: value }) }),
      this.problemSlot('directRouting.subdomain'),
      checkbox('Call screening', { checked: dr.callScreening, onChange: (checked) => (this.directRouting = { ...this.directRouting, callScreening: checked }) }),
      textField('DNS token, region 1', { value: dr.region1Token, maxLength: 256, title: 'The TXT token Teams gave for region 1 (rule ACG-ACC-003)', onInput: (value) => (this.directRouting = { ...this.directRouting, region1Token: value }) }),
      this.problemSlot('directRouting.region1Token'),
      textField('DNS token, region 2', { value: dr.region2Token, maxLength: 256, title: 'The TXT token Teams gave for region 2 (rule ACG-ACC-003)', onInput: (value) => (this.directRouting = { ...this.directRouting, region2Token: value }) }),
      this.problemSlot('directRouting.region2Token'),
    );
    this.drFields.hidden = !this.services.teamsDirectRouting.enabled;
    this.element = h(
      'form',
      { class: 'edit-form', attrs: { 'aria-label': 'Edit services and sync' } },
      h('p', { class: 'muted' }, 'Choose the services and sync. Save shows the exact change before anything is sent.'),
      ...rows,
      this.drFields,
      this.summary,
      h(
        'div',
        { class: 'form-actions' },
        button('Save…', { appearance: 'primary', icon: 'save', title: 'Review the change, then save it', onClick: () => handlers.save(this.value()) }),
        escapeTarget(button('Cancel', { onClick: () => handlers.cancel() })),
      ),
    );
    this.element.addEventListener('submit', (event) => event.preventDefault());
  }

  /** What the form says now; Direct Routing's configuration only while it is enabled and something was typed. */
  value(): ServicesEdit {
    const dr = this.directRouting;
    const typed = dr.subdomain !== '' || dr.region1Token !== '' || dr.region2Token !== '';
    return { services: { ...this.services }, ...(this.services.teamsDirectRouting.enabled && typed ? { directRouting: { ...dr } } : {}) };
  }

  /** The host's rule messages, each under its field (and all of them above the buttons, for screen readers). */
  showProblems(problems: readonly EditProblem[]): void {
    for (const slot of this.problems.values()) slot.replaceChildren();
    for (const problem of problems) this.problems.get(problem.field)?.append(h('span', {}, problem.message));
    this.summary.replaceChildren(
      ...(problems.length
        ? [h('div', { class: 'message error', attrs: { role: 'alert' } }, codicon('error'), h('div', { class: 'message-text' }, h('p', { class: 'message-title' }, 'Not saved: fix these first.'), h('ul', {}, ...problems.map((p) => h('li', {}, p.message)))))]
        : []),
    );
  }

  private problemSlot(field: string): HTMLElement {
    const slot = h('div', { class: 'field-problem' });
    this.problems.set(field, slot);
    return slot;
  }
}
