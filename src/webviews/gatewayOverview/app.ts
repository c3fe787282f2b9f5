// The Gateway Overview page's script (browser side; the host side is ./panel.ts). It registers the components,
// connects the typed RPC, says ready, and lets the page load itself.
import '../shared/browser/base.css';
import './browser/overview.css';
import { registerComponents } from '../shared/browser/components';
import { RpcClient } from '../shared/browser/rpcClient';
import { vscodeApi, windowMessages } from '../shared/browser/vscodeApi';
import { OverviewPage } from './browser/page';
import type { GatewayOverviewProtocol } from './protocol';

registerComponents();
const root = document.getElementById('app');
if (root) {
  const api = vscodeApi();
  const rpc = new RpcClient<GatewayOverviewProtocol>(api, windowMessages);
  const page = new OverviewPage(root, rpc, api);
  rpc.onNotification('refresh', () => void page.refresh(true));
  rpc.start();
  void page.start();
}
