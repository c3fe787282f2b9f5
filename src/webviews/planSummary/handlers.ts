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
    /** Gives the panel keyboard focus again (VS Code's modal dialog and the re-plan's diff view take it away). */
    takeFocus: () => void = () => undefined,
  ) {
    // A button's command that ended without running anything (a dismissed confirmation, nothing to do, an error shown)
    // gives focus back to the panel the button is in. A run's outcome is drawn here too, but after a long apply focus
    // stays wherever the person has put it meanwhile.
    const run = async (id: string, arg: object, always: boolean): Promise<void> => {
      let ran: unknown;
      try {
        ran = await deps.executeCommand(id, arg);
      } finally {
        if (always || ran === undefined) takeFocus();
      }
    };
    this.actions = new ErrorActions(deps.present, (id) => deps.executeCommand(id));
    this.handlers = {
      load: () => Promise.resolve(this.current),
      apply: async () => {
        const view = this.current;
        if (!view.hasChanges) throw new AcgError({ kind: 'badRequest', message: `Nothing to apply: ${view.fileName} matches ${view.gateway}.` });
        if (view.outcome?.state === 'running') throw new AcgError({ kind: 'conflict', message: `${view.fileName} is being applied: wait for it to finish (or cancel it from its progress notification).` });
        await run(commands.apply, { desiredUri: view.desiredUri }, false);
      },
      resume: async () => {
        const outcome = this.current.outcome;
        if (!outcome?.canResume || outcome.journal === undefined || outcome.state === 'running') throw new AcgError({ kind: 'badRequest', message: 'Nothing to resume: the last apply of this plan has nothing left to do.' });
        await run(commands.resume, { journal: outcome.journal }, false);
      },
      replan: async () => {
        if (this.current.outcome?.state === 'running') throw new AcgError({ kind: 'conflict', message: `${this.current.fileName} is being applied: plan again once it has finished.` });
        // Pressed here: a keyboard user stays in the panel rather than in the diff view the plan reopened.
        await run(commands.plan, { desiredUri: this.current.desiredUri }, true);
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
