// The Gateway Overview page: lays out the sections, loads each through its own request (so each fails alone),
// refreshes on the Refresh button and when the host says the sign-in changed, and keeps which gateway it shows with
// setState so VS Code can restore the panel after a reload.
import type { PresentedError } from '../../shared/protocol';
import { button, iconButton, setButtonIcon } from '../../shared/browser/components';
import { codicon, h } from '../../shared/browser/dom';
import { RpcCancelled, RpcError, type RpcClient } from '../../shared/browser/rpcClient';
import { Section } from '../../shared/browser/section';
import type { WebviewApi } from '../../shared/browser/vscodeApi';
import type { CopyField, GatewayOverviewProtocol, GatewayOverviewState, RevealTargetKind, GatewayOverview } from '../protocol';
import { plural } from './format';
import { essentials, serviceLocations, subtitle, voiceSettings } from './gatewayView';
import { recordCounts, requestCounts } from './recordsView';
import { testLines } from './testLinesView';

type Rpc = RpcClient<GatewayOverviewProtocol>;
type DependentKey = 'testLines' | 'provisioningCounts' | 'requestCounts';

/** How long a copy button shows its check mark. UI feedback only, not synchronisation. */
const COPIED_FEEDBACK_MS = 1500;

export class OverviewPage {
  private readonly title = h('h1', {}, 'Gateway overview');
  private readonly subtitle = h('p', { class: 'subtitle' }, '');
  private readonly status = h('p', { class: 'updated muted', attrs: { 'aria-live': 'polite' } });
  private readonly progress = h('div', { class: 'progress', attrs: { 'aria-hidden': 'true' } });
  private readonly sections = {
    essentials: new Section({ id: 'essentials', title: 'Essentials', icon: 'info', wide: true, skeletonLines: 4 }),
    testLines: new Section({ id: 'test-lines', title: 'Test lines', icon: 'call-outgoing', skeletonLines: 5 }),
    provisioningCounts: new Section({ id: 'records', title: 'Accounts and numbers', icon: 'database', skeletonLines: 2 }),
    requestCounts: new Section({ id: 'requests', title: 'Requests for information', icon: 'organization', skeletonLines: 5 }),
    voice: new Section({ id: 'voice', title: 'Voice settings', icon: 'settings', skeletonLines: 5 }),
    locations: new Section({ id: 'service-locations', title: 'Service locations', icon: 'globe', wide: true, skeletonLines: 3 }),
  };
  private load: AbortController | undefined;
  /** The gateway read's error, which explains the sections that need the gateway. */
  private gatewayError: PresentedError | undefined;
  private readonly dependentErrors = new Map<DependentKey, PresentedError>();

  constructor(
    private readonly root: HTMLElement,
    private readonly rpc: Rpc,
    private readonly api: WebviewApi,
  ) {
    const refresh = button('Refresh', { icon: 'refresh', title: 'Read the gateway and its records again', onClick: () => void this.refresh(true) });
    const copyId = iconButton('copy', 'Copy resource ID', () => this.copy('resourceId', 'resource ID', copyId));
    const onboarding = button('Run Onboarding Checks…', { icon: 'checklist', title: 'Check every onboarding step of this gateway, in a panel of its own', onClick: () => this.runOnboardingChecks() });
    const s = this.sections;
    root.replaceChildren(
      this.progress,
      h(
        'header',
        { class: 'page-header' },
        h('div', { class: 'title-icon' }, codicon('radio-tower')),
        h('div', { class: 'title-text' }, this.title, this.subtitle),
        h('div', { class: 'toolbar', attrs: { role: 'toolbar', 'aria-label': 'Overview actions' } }, copyId, onboarding, refresh),
      ),
      this.status,
      s.essentials.element,
      // Two columns like the portal's overview: test lines beside the Provisioning API's numbers and the voice
      // settings; the service locations' table needs the full width.
      h('div', { class: 'columns' }, h('div', { class: 'column' }, s.testLines.element), h('div', { class: 'column' }, s.provisioningCounts.element, s.requestCounts.element, s.voice.element)),
      s.locations.element,
    );
  }

  async start(): Promise<void> {
    try {
      const identity = await this.rpc.request('identity', {});
      const state: GatewayOverviewState = { gatewayId: identity.gatewayId, gatewayName: identity.gatewayName };
      this.api.setState(state);
      this.setTitle(identity.gatewayName);
    } catch (error) {
      // The page still loads: identity only feeds the title and the restore state.
      this.status.textContent = error instanceof Error ? error.message : String(error);
    }
    await this.refresh(false);
  }

  /** Reads every section; a refresh in flight is cancelled first (the host aborts its requests). */
  async refresh(reload: boolean): Promise<void> {
    this.load?.abort();
    const load = new AbortController();
    this.load = load;
    const { signal } = load;
    this.root.classList.add('loading');
    this.root.setAttribute('aria-busy', 'true');
    this.status.textContent = reload ? 'Refreshing…' : 'Loading…';
    this.gatewayError = undefined;
    this.dependentErrors.clear();
    this.sections.voice.element.hidden = false;
    this.sections.locations.element.hidden = false;
    for (const section of Object.values(this.sections)) section.setLoading();

    // Sent in this order on purpose: the host starts the gateway read for `gateway` and the others share it.
    const gateway = this.rpc.request('gateway', { reload }, { signal }).then(
      (overview) => this.showGateway(overview),
      (error: unknown) => this.failGateway(error),
    );
    const dependents = (['testLines', 'provisioningCounts', 'requestCounts'] as const).map((key) => this.loadDependent(key, signal));
    await Promise.all([gateway, ...dependents]);
    if (this.load !== load) return;
    this.root.classList.remove('loading');
    this.root.removeAttribute('aria-busy');
    const time = new Date().toLocaleTimeString();
    const failed = this.dependentErrors.size;
    if (this.gatewayError) this.status.textContent = `Could not be read at ${time}.`;
    else if (failed > 0) this.status.textContent = `Updated ${time} · ${failed === 1 ? 'one section' : `${failed} sections`} could not be read`;
    else this.status.textContent = `Updated ${time}`;
  }

  private async loadDependent(key: DependentKey, signal: AbortSignal): Promise<void> {
    const section = this.sections[key];
    try {
      switch (key) {
        case 'testLines': {
          const overview = await this.rpc.request('testLines', {}, { signal });
          section.setContent(...testLines(overview, () => this.reveal('testLines')));
          section.setExtras(h('span', { class: 'muted', attrs: { title: `A ${overview.deployment} deployment needs ${overview.required} automated test lines per service.` } }, `${plural(overview.lines.length, 'line')} · ${overview.required} per service`));
          return;
        }
        case 'provisioningCounts':
          section.setContent(recordCounts(await this.rpc.request('provisioningCounts', {}, { signal }), () => this.reveal('accounts')));
          return;
        case 'requestCounts':
          section.setContent(...requestCounts(await this.rpc.request('requestCounts', {}, { signal }), () => this.reveal('requests')));
          return;
      }
    } catch (error) {
      if (error instanceof RpcCancelled) return;
      this.dependentErrors.set(key, presented(error));
      this.showDependentError(key);
    }
  }

  /** A section that needs the gateway says so briefly when the gateway itself failed (its error shows once, above). */
  private showDependentError(key: DependentKey): void {
    const error = this.dependentErrors.get(key);
    if (!error) return;
    if (this.gatewayError && this.gatewayError.message === error.message) {
      this.sections[key].setUnavailable('Not available: the gateway could not be read (see Essentials).');
    } else {
      this.sections[key].setError(error, { runAction: (id) => this.runAction(id), retry: () => void this.retryDependent(key) });
    }
  }

  private async retryDependent(key: DependentKey): Promise<void> {
    this.sections[key].setLoading();
    this.dependentErrors.delete(key);
    await this.loadDependent(key, this.load?.signal ?? new AbortController().signal);
  }

  private showGateway(overview: GatewayOverview): void {
    this.setTitle(overview.name);
    this.subtitle.textContent = subtitle(overview);
    const s = this.sections;
    s.essentials.setContent(essentials(overview, (field, label, element) => this.copy(field, label, element)));
    s.voice.element.hidden = false;
    s.voice.setContent(voiceSettings(overview));
    s.locations.element.hidden = false;
    s.locations.setContent(serviceLocations(overview));
    s.locations.setExtras(h('span', { class: 'muted' }, plural(overview.serviceLocations.length, 'location')));
  }

  private failGateway(error: unknown): void {
    if (error instanceof RpcCancelled) return;
    this.gatewayError = presented(error);
    const s = this.sections;
    s.essentials.setError(this.gatewayError, { runAction: (id) => this.runAction(id), retry: () => void this.refresh(true) });
    // Voice settings and service locations come from the same read: nothing to add to the error above.
    s.voice.element.hidden = true;
    s.locations.element.hidden = true;
    for (const key of this.dependentErrors.keys()) this.showDependentError(key);
  }

  private setTitle(name: string): void {
    this.title.textContent = name;
    document.title = `${name} overview`;
  }

  private reveal(target: RevealTargetKind): void {
    this.rpc.request('reveal', { target }).catch((error: unknown) => this.announceFailure(error));
  }

  private copy(field: CopyField, label: string, element: HTMLElement): void {
    this.rpc.request('copy', { field }).then(
      () => {
        this.status.textContent = `Copied the ${label}.`;
        setButtonIcon(element, 'check');
        setTimeout(() => setButtonIcon(element, 'copy'), COPIED_FEEDBACK_MS);
      },
      (error: unknown) => this.announceFailure(error),
    );
  }

  private runOnboardingChecks(): void {
    this.rpc.request('runOnboardingChecks', {}).catch((error: unknown) => this.announceFailure(error));
  }

  private runAction(id: string): void {
    this.rpc.request('runAction', { id }).catch((error: unknown) => this.announceFailure(error));
  }

  private announceFailure(error: unknown): void {
    if (error instanceof RpcCancelled) return;
    this.status.textContent = presented(error).message;
  }
}

function presented(error: unknown): PresentedError {
  if (error instanceof RpcError) return error.presented;
  return { message: error instanceof Error ? error.message : String(error), actions: [] };
}
