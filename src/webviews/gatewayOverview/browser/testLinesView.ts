// Test lines: coverage per verified service against the 6 (production) / 3 (lab) rule, the warnings the Gateways view
// shows, and the lines themselves. Every name links to the gateway's Test lines node in the Gateways view.
import type { ServiceCoverageOverview, TestLinesOverview } from '../protocol';
import { codicon, h, linkButton } from '../../shared/browser/dom';
import { code, notSet } from './format';

export function testLines(overview: TestLinesOverview, reveal: () => void): HTMLElement[] {
  const parts: HTMLElement[] = [];
  if (overview.services.length === 0) {
    parts.push(h('p', { class: 'muted' }, 'No service verification lines needed: the gateway runs neither Operator Connect nor Teams Phone Mobile.'));
  } else {
    parts.push(h('ul', { class: 'coverage', attrs: { 'aria-label': 'Automated test lines per service' } }, ...overview.services.map((s) => coverageRow(s, reveal))));
  }
  if (overview.warnings.length > 0) {
    parts.push(
      h(
        'div',
        { class: 'message warning', attrs: { role: 'status' } },
        codicon('warning'),
        h('div', { class: 'message-text' }, ...overview.warnings.map((w) => h('p', {}, w))),
      ),
    );
  }
  parts.push(lineTable(overview, reveal));
  return parts;
}

function coverageRow(service: ServiceCoverageOverview, reveal: () => void): HTMLElement {
  const complete = service.missing === 0;
  const pips = Array.from({ length: Math.max(service.required, service.automated) }, (_, i) => h('span', { class: `pip${i < service.automated ? ' filled' : ''}` }));
  return h(
    'li',
    { class: `coverage-row ${complete ? 'complete' : 'short'}` },
    codicon(complete ? 'pass-filled' : 'warning', complete ? 'enough' : 'too few'),
    linkButton(`${service.label} (${service.prefix})`, reveal, 'Show the test lines in the Gateways view'),
    h('span', { class: 'pips', attrs: { 'aria-hidden': 'true' } }, ...pips),
    h('span', { class: 'coverage-count' }, `${service.automated} of ${service.required}`, h('span', { class: 'visually-hidden' }, ' automated')),
  );
}

function lineTable(overview: TestLinesOverview, reveal: () => void): HTMLElement {
  if (overview.lines.length === 0) return h('p', {}, notSet('No test lines'));
  return h(
    'table',
    { class: 'grid compact', attrs: { 'aria-label': 'Test lines' } },
    h('thead', {}, h('tr', {}, h('th', { attrs: { scope: 'col' } }, 'Name'), h('th', { attrs: { scope: 'col' } }, 'Number'), h('th', { attrs: { scope: 'col' } }, 'Purpose'))),
    h(
      'tbody',
      {},
      ...overview.lines.map((line) =>
        h(
          'tr',
          {},
          h('th', { attrs: { scope: 'row' } }, linkButton(line.name, reveal, 'Show in the Gateways view')),
          h('td', {}, code(line.phoneNumber || '—'), line.problem ? h('span', { class: 'inline-warning', attrs: { title: line.problem } }, ' ', codicon('warning', line.problem)) : undefined),
          h('td', {}, line.purpose),
        ),
      ),
    ),
  );
}
