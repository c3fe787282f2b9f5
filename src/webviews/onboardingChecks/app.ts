// The Onboarding Checks page's script (browser side; the host side is ./panel.ts). It registers the components,
// connects the typed RPC (notifications first: the host may stream results right after ready), and starts the page.
import '../shared/browser/base.css';
import './browser/onboarding.css';
import { registerComponents } from '../shared/browser/components';
import { RpcClient } from '../shared/browser/rpcClient';
import { vscodeApi, windowMessages } from '../shared/browser/vscodeApi';
import { OnboardingPage } from './browser/page';
import type { OnboardingChecksProtocol } from './protocol';

registerComponents();
const root = document.getElementById('app');
if (root) {
  const api = vscodeApi();
  const rpc = new RpcClient<OnboardingChecksProtocol>(api, windowMessages);
  const page = new OnboardingPage(root, rpc, api);
  rpc.start();
  void page.start();
}
