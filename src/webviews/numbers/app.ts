// The Numbers panel page's script (browser side; the host side is ./panel.ts). It registers the components, connects
// the typed RPC (notifications first: the host may send rows that changed right after ready), and starts the page.
import '../shared/browser/base.css';
import './browser/numbers.css';
import { registerComponents } from '../shared/browser/components';
import { RpcClient } from '../shared/browser/rpcClient';
import { vscodeApi, windowMessages } from '../shared/browser/vscodeApi';
import { NumbersGridPage } from './browser/gridPage';
import type { NumbersGridProtocol } from './protocol';

registerComponents();
const root = document.getElementById('app');
if (root) {
  const api = vscodeApi();
  const rpc = new RpcClient<NumbersGridProtocol>(api, windowMessages);
  const page = new NumbersGridPage(root, rpc, api);
  rpc.onNotification('refresh', () => void page.refresh());
  rpc.onNotification('rowsChanged', ({ page: changed }) => page.rowsChanged(changed));
  rpc.onNotification('reveal', (reveal) => void page.reveal(reveal));
  rpc.start();
  void page.start();
}
