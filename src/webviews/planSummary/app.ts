// The plan summary page's script (browser side; the host side is ./panel.ts): connects the typed RPC, says ready, and
// renders the summary the host holds, again on every update (a new plan, an apply's progress or outcome).
import '../shared/browser/base.css';
import './browser/planSummary.css';
import { registerComponents } from '../shared/browser/components';
import { RpcClient } from '../shared/browser/rpcClient';
import { vscodeApi, windowMessages } from '../shared/browser/vscodeApi';
import { PlanSummaryPage } from './browser/page';
import type { PlanSummaryProtocol } from './protocol';

registerComponents();
const root = document.getElementById('app');
if (root) {
  const rpc = new RpcClient<PlanSummaryProtocol>(vscodeApi(), windowMessages);
  const page = new PlanSummaryPage(root, rpc);
  rpc.onNotification('update', (view) => page.render(view));
  rpc.start();
  void page.start();
}
