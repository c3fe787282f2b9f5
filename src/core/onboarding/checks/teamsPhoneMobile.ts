// Teams Phone Mobile settings of the gateway (deploy.md, mobile-control-point.md): the voicemail pilot number and how
// calls reach Microsoft Phone System through a Mobile Control Point.
import { mcpChoice } from '../../gateways/overview';
import { SOURCES } from '../sources';
import { defineCheck } from './define';

export const voicemailMcpCheck = defineCheck({
  id: 'tpm.voicemail-mcp',
  title: 'Teams Phone Mobile voicemail pilot number and MCP are set',
  stage: 'teamsPhoneMobile',
  why: 'Teams Phone Mobile needs a voicemail pilot number for the native dialer, and a Mobile Control Point (integrated or on-premises) to route calls to Microsoft Phone System.',
  source: SOURCES.mobileControlPoint,
  reads: ['gateway'],
  evaluate({ gateway }) {
    const p = gateway.properties;
    if (!(p?.platforms ?? []).includes('TeamsPhoneMobile')) return { status: 'skipped', summary: 'The gateway does not run Teams Phone Mobile.', evidence: [] };
    const pilot = p?.teamsVoicemailPilotNumber?.trim() ?? '';
    const mcp = mcpChoice(p?.integratedMcpEnabled, p?.onPremMcpEnabled);
    const evidence = [
      { label: 'teamsVoicemailPilotNumber', value: pilot || null },
      { label: 'MCP', value: mcp },
    ];
    if (!pilot) return { status: 'fail', summary: 'Teams Phone Mobile has no voicemail pilot number (teamsVoicemailPilotNumber).', evidence };
    if (mcp === 'none') {
      // "None" is a valid portal choice, for operators who route calls another way; worth a second look, not a failure.
      return { status: 'warn', summary: `Voicemail pilot number ${pilot}, but no Mobile Control Point (neither integratedMcpEnabled nor onPremMcpEnabled): calls must reach Microsoft Phone System another way.`, evidence };
    }
    return { status: 'pass', summary: `Voicemail pilot number ${pilot}; ${mcp} MCP.`, evidence };
  },
});
