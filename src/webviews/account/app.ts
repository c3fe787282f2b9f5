// The Account page's script (browser side; the host side is ./panel.ts). It registers the components, connects the
// typed RPC, says ready, and lets the page load itself.
import '../shared/browser/base.css';
import './browser/account.css';
import { registerComponents } from '../shared/browser/components';
import { RpcClient } from '../shared/browser/rpcClient';
import { vscodeApi, windowMessages } from '../shared/browser/vscodeApi';
import { AccountPage } from './browser/page';
import type { AccountProtocol } from './protocol';

registerComponents();
const root = document.getElementById('app');
if (root) {
  const api = vscodeApi();
  const rpc = new RpcClient<AccountProtocol>(api, windowMessages);
  const page = new AccountPage(root, rpc, api);
  rpc.onNotification('refresh', () => void page.refresh(true));
  rpc.start();
  void page.start();
}
