// The plan summary panel's request handlers: no vscode, so mocha reaches them with fakes. The buttons only ask; the
// host checks that the action fits the summary it shows (the page may be stale or compromised) before it runs the
// command, which confirms with a modal before anything is written.
import { AcgError } from '../../azure/errors';
import type { PlanSummaryView } from '../../core/apply/planSummary';
import { ErrorActions } from '../shared/errorActions';
import type { RequestHandlers } from '../shared/rpcHost';
import type { PlanSummaryCommands, PlanSummaryDeps } from './deps';
import type { PlanSummaryProtocol } from './protocol';

export class PlanSummaryHandlers {
  readonly actions: ErrorActions;
  readonly handlers: RequestHandlers<PlanSummaryProtocol>;

  constructor(
    deps: PlanSummaryDeps,
    commands: PlanSummaryCommands,
    private current: PlanSummaryView,
  ) {
    this.actions = new ErrorActions(deps.present, (id) => deps.executeCommand(id));
    this.handlers = {
      load: () => Promise.resolve(this.current),
      apply: async () => {
        const view = this.current;
        if (!view.hasChanges) throw new AcgError({ kind: 'badRequest', message: `Nothing to apply: ${view.fileName} matches ${view.gateway}.` });
        if (view.outcome?.state === 'running') throw new AcgError({ kind: 'conflict', message: `${view.fileName} is being applied: wait for it to finish (or cancel it from its progress notification).` });
        await deps.executeCommand(commands.apply, { desiredUri: view.desiredUri });
      },
      resume: async () => {
        const outcome = this.current.outcome;
        if (!outcome?.canResume || outcome.journal === undefined || outcome.state === 'running') throw new AcgError({ kind: 'badRequest', message: 'Nothing to resume: the last apply of this plan has nothing left to do.' });
        await deps.executeCommand(commands.resume, { journal: outcome.journal });
      },
      replan: async () => {
        if (this.current.outcome?.state === 'running') throw new AcgError({ kind: 'conflict', message: `${this.current.fileName} is being applied: plan again once it has finished.` });
        await deps.executeCommand(commands.plan, { desiredUri: this.current.desiredUri });
      },
      runAction: ({ id }) => this.actions.run(id),
    };
  }

  get view(): PlanSummaryView {
    return this.current;
  }

  update(view: PlanSummaryView): void {
    this.current = view;
  }
}
