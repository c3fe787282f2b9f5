// The number form shared by create and edit: service, usage and capabilities as the account's capability plans offer
// them, the civic address and location from the account's real ones with the "allow tenant update" rule beside them,
// the displayed country code, and the custom SIP header (hidden where the service cannot carry one). Findings come
// from the host (the core rules) and show under the field they are about.
import { checkbox, dropdown, textField, type ValueElement } from '../../shared/browser/components';
import { codicon, h } from '../../shared/browser/dom';
import type { DraftField, DraftFinding, EditorSetup, NumberDraft, PatchField } from '../protocol';

type Capability = NumberDraft['capabilities'][number];
const FIELD_OF: Partial<Record<DraftField, PatchField>> = {
  usage: 'usage', capabilities: 'choosableCapabilities', civicAddress: 'civicAddressId', location: 'locationId',
  allowTenantAddressUpdate: 'allowTenantAddressUpdate', displayedCountryCode: 'displayedCountryCode', customSipHeader: 'customSipHeader',
};

export class NumberForm {
  readonly element = h('form', { class: 'number-form', attrs: { 'aria-label': 'Number settings' } });
  private draft: NumberDraft;
  private readonly touchedFields = new Set<PatchField>();
  private readonly findingSlots = new Map<DraftField, HTMLElement>();

  constructor(
    private readonly setup: EditorSetup,
    start: NumberDraft | undefined,
    private readonly mixed: readonly string[],
    private readonly onChange: () => void,
  ) {
    const service = start?.service ?? setup.services[0]?.key ?? 'teamsOperatorConnect';
    const usage = start?.usage ?? setup.usages[service]?.[0]?.usage;
    this.draft = start ?? { service, ...(usage ? { usage } : {}), capabilities: [...(setup.usages[service]?.[0]?.capabilities ?? [])], allowTenantAddressUpdate: false };
    this.element.addEventListener('submit', (event) => event.preventDefault());
    this.render();
  }

  get value(): NumberDraft {
    return this.draft;
  }

  get touched(): PatchField[] {
    return [...this.touchedFields];
  }

  showFindings(findings: readonly DraftFinding[]): void {
    for (const [field, slot] of this.findingSlots) {
      const mine = findings.filter((f) => f.field === field);
      slot.replaceChildren(...mine.map((f) => h('div', { class: `finding ${f.severity}` }, codicon(f.severity === 'error' ? 'error' : 'warning', f.severity), ` ${f.message} `, h('span', { class: 'muted' }, f.ruleId))));
    }
  }

  private set(patch: Partial<NumberDraft>, field?: PatchField): void {
    this.draft = { ...this.draft, ...patch };
    if (field) this.touchedFields.add(field);
    this.onChange();
  }

  private slot(field: DraftField): HTMLElement {
    const slot = h('div', { class: 'findings', attrs: { 'aria-live': 'polite' } });
    this.findingSlots.set(field, slot);
    return slot;
  }

  private row(label: string, id: string, control: HTMLElement, field: DraftField, hint?: string): HTMLElement {
    const patchField = FIELD_OF[field];
    const mixed = patchField !== undefined && this.mixed.includes(patchField) && !this.touchedFields.has(patchField);
    return h(
      'div',
      { class: 'field' },
      h('label', { attrs: { for: id } }, label, mixed ? h('span', { class: 'mixed' }, ' (differs between the numbers)') : undefined),
      control,
      hint ? h('p', { class: 'hint muted' }, hint) : undefined,
      this.slot(field),
    );
  }

  private render(): void {
    this.findingSlots.clear();
    const { setup, draft } = this;
    const service = setup.services.find((s) => s.key === draft.service);
    const usages = setup.usages[draft.service] ?? [];
    const usage = usages.find((u) => u.usage === draft.usage);
    const address = setup.addresses.find((a) => a.id === draft.civicAddressId);
    const rows: HTMLElement[] = [
      this.row('Service', 'service', dropdown('Service', setup.services.map((s) => ({ value: s.key, label: s.name })), {
        id: 'service',
        value: draft.service,
        onChange: (key) => {
          const first = (setup.usages[key] ?? [])[0];
          const next = setup.services.find((s) => s.key === key);
          this.set({ service: next?.key ?? draft.service, ...(first ? { usage: first.usage } : {}), capabilities: [...(first?.capabilities ?? [])], ...(next?.customSipHeader ? {} : { customSipHeader: '' }) });
          this.render();
        },
      }), 'service'),
    ];
    if (service?.teams) {
      rows.push(
        this.row('Usage', 'usage', dropdown('Usage', usages.map((u) => ({ value: u.usage, label: u.usage })), {
          id: 'usage',
          ...(draft.usage ? { value: draft.usage } : {}),
          onChange: (value) => {
            const chosen = usages.find((u) => u.usage === value);
            this.set({ ...(chosen ? { usage: chosen.usage } : {}), capabilities: draft.capabilities.filter((c) => chosen?.capabilities.includes(c)) }, 'usage');
            this.render();
          },
        }), 'usage', usage && usage.mandatory.length > 0 ? `Always included: ${usage.mandatory.join(', ')}.` : undefined),
        this.row('Capabilities', 'capabilities', h('div', { id: 'capabilities', class: 'checks', attrs: { role: 'group', 'aria-label': 'Capabilities' } },
          ...(usage?.capabilities ?? []).map((c) => checkbox(c, { checked: draft.capabilities.includes(c), onChange: (on) => this.set({ capabilities: toggle(this.draft.capabilities, c, on) }, 'choosableCapabilities') })),
        ), 'capabilities'),
        this.row('Civic address', 'civic-address', dropdown('Civic address', [{ value: '', label: '(none)' }, ...setup.addresses.map((a) => ({ value: a.id, label: `${a.label}${a.validated ? '' : ' (not validated)'}` }))], {
          id: 'civic-address',
          value: draft.civicAddressId ?? '',
          onChange: (id) => {
            const chosen = setup.addresses.find((a) => a.id === id);
            this.set({ civicAddressId: id || undefined, locationId: chosen?.locations.find((l) => l.isDefault)?.id }, 'civicAddressId');
            this.render();
          },
        }), 'civicAddress', setup.emergencyRule),
        this.row('Location', 'location', dropdown('Location', [{ value: '', label: '(none)' }, ...(address?.locations ?? []).map((l) => ({ value: l.id, label: `${l.label}${l.isDefault ? ' (default)' : ''}${l.elin ? ` · ELIN ${l.elin}` : ''}` }))], {
          id: 'location',
          value: draft.locationId ?? '',
          onChange: (id) => this.set({ locationId: id || undefined }, 'locationId'),
        }), 'location'),
        this.row('Emergency address', 'allow-tenant', h('div', { id: 'allow-tenant' }, checkbox('Allow the tenant to update the address', { checked: draft.allowTenantAddressUpdate, onChange: (on) => this.set({ allowTenantAddressUpdate: on }, 'allowTenantAddressUpdate') })), 'allowTenantAddressUpdate'),
        this.row('Displayed country code', 'displayed-country', this.text('displayed-country', 'Displayed country code', draft.displayedCountryCode ?? '', 'US', 2, (value) => this.set({ displayedCountryCode: value.trim() || undefined }, 'displayedCountryCode')), 'displayedCountryCode', 'Needed for North American toll-free numbers.'),
      );
    }
    if (service?.customSipHeader) {
      rows.push(this.row('Custom SIP header', 'custom-sip-header', this.text('custom-sip-header', 'Custom SIP header', draft.customSipHeader ?? '', 'contoso-hq', 100, (value) => this.set({ customSipHeader: value }, 'customSipHeader')), 'customSipHeader'));
    }
    rows.push(h('div', { class: 'field' }, this.slot('numbers')));
    this.element.replaceChildren(...rows);
  }

  private text(id: string, label: string, value: string, placeholder: string, maxLength: number, onInput: (value: string) => void): ValueElement {
    const field = textField(label, { id, placeholder, maxLength: maxLength * 3, labelHidden: true, onInput });
    field.value = value;
    return field;
  }
}

function toggle(list: readonly Capability[], item: Capability, on: boolean): Capability[] {
  return on ? [...new Set([...list, item])] : list.filter((c) => c !== item);
}
