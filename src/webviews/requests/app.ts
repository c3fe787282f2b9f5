// The Requests for Information page's script (browser side; the host side is ./panel.ts). It registers the
// components, connects the typed RPC, says ready, and lets the page load itself.
import '../shared/browser/base.css';
import './browser/requests.css';
import { registerComponents } from '../shared/browser/components';
import { RpcClient } from '../shared/browser/rpcClient';
import { vscodeApi, windowMessages } from '../shared/browser/vscodeApi';
import { RequestsPage } from './browser/page';
import type { RequestsProtocol } from './protocol';

registerComponents();
const root = document.getElementById('app');
if (root) {
  const api = vscodeApi();
  const rpc = new RpcClient<RequestsProtocol>(api, windowMessages);
  const page = new RequestsPage(root, rpc, api);
  rpc.onNotification('refresh', () => void page.refresh(false));
  rpc.onNotification('progress', ({ done, total }) => page.progress(done, total));
  rpc.start();
  void page.start();
}
