// The Number editor page's script (browser side; the host side is ./panel.ts): components, the typed RPC
// (notifications first: progress and statuses may stream right after ready), then the page.
import '../shared/browser/base.css';
import './browser/editor.css';
import { registerComponents } from '../shared/browser/components';
import { RpcClient } from '../shared/browser/rpcClient';
import { vscodeApi, windowMessages } from '../shared/browser/vscodeApi';
import { NumberEditorPage } from './browser/page';
import type { NumberEditorProtocol } from './protocol';

registerComponents();
const root = document.getElementById('app');
if (root) {
  const api = vscodeApi();
  const rpc = new RpcClient<NumberEditorProtocol>(api, windowMessages);
  const page = new NumberEditorPage(root, rpc, api);
  rpc.start();
  void page.start();
}
