// Which ProvisioningAPI role a write needs, decided before it is sent (issue 11, "Role pre-flight"). The
// AzureCommunicationsGateway app defines application roles (ProvisioningAPI.Read/Write/Delete/Admin) for clients and
// the same names with a `User` suffix for people; an app token needs the application role, a user token the user role.
// The service enforces this anyway; deciding it here first means a person who lacks the role learns which one, and
// nothing is sent. When the token's roles cannot be read we say nothing and let the service decide.

/** The Provisioning API writes, each with the access it needs. */
export type ProvisioningWrite = 'createAccount' | 'updateAccount' | 'deleteAccount' | 'saveNumbers' | 'deleteNumbers' | 'updateRelationship';

type Access = 'Write' | 'Delete';

const WRITES: Readonly<Record<ProvisioningWrite, { readonly access: Access; readonly doing: string }>> = {
  createAccount: { access: 'Write', doing: 'Creating accounts' },
  updateAccount: { access: 'Write', doing: 'Updating accounts' },
  deleteAccount: { access: 'Delete', doing: 'Deleting accounts' },
  saveNumbers: { access: 'Write', doing: 'Creating or updating numbers' },
  deleteNumbers: { access: 'Delete', doing: 'Deleting numbers' },
  updateRelationship: { access: 'Write', doing: 'Updating a relationship status' },
};

/** What the caller's token says about it; every field is optional because tokens differ (and some are opaque). */
export interface CallerAccess {
  /** The `roles` claim; undefined when the token has none or cannot be read. */
  readonly roles?: readonly string[];
  /** `user` needs the *User roles, `app` the application roles; undefined: either counts. */
  readonly kind?: 'user' | 'app';
  /** How to name the caller in a message ("ops.admin@contoso…", "service principal c0ffee00…"). */
  readonly who?: string;
}

export type PreflightDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly requiredRole: string; readonly message: string };

const PREFIX = 'ProvisioningAPI.';

export function provisioningAccessOf(write: ProvisioningWrite): Access {
  return WRITES[write].access;
}

/** Whether the caller may make `write`; a refusal names the role it needs and the roles it holds. */
export function preflightProvisioningWrite(write: ProvisioningWrite, caller: CallerAccess): PreflightDecision {
  if (caller.roles === undefined) return { allowed: true };
  const { access, doing } = WRITES[write];
  const held = new Set(caller.roles);
  const variants = caller.kind === 'user' ? ['User'] : caller.kind === 'app' ? [''] : ['', 'User'];
  const granted = [access, 'Admin'].some((role) => variants.some((suffix) => held.has(`${PREFIX}${role}${suffix}`)));
  if (granted) return { allowed: true };

  const name = (role: string) => variants.map((suffix) => `${PREFIX}${role}${suffix}`).join(' or ');
  const provisioningRoles = caller.roles.filter((role) => role.startsWith(PREFIX));
  const holds = provisioningRoles.length > 0 ? `holds ${provisioningRoles.join(', ')}` : 'holds no ProvisioningAPI role';
  const who = caller.who?.trim() || 'The signed-in identity';
  // A person who holds only application roles (or an app with only user roles) would otherwise read "holds Delete".
  const wrongVariant =
    caller.kind === 'user' && [access, 'Admin'].some((role) => held.has(`${PREFIX}${role}`))
      ? ' People need the …User roles; the roles without the suffix are for applications.'
      : caller.kind === 'app' && [access, 'Admin'].some((role) => held.has(`${PREFIX}${role}User`))
        ? ' Applications need the roles without the User suffix.'
        : '';
  return {
    allowed: false,
    requiredRole: name(access),
    message:
      `${doing} needs ${name(access)} (or ${name('Admin')}); ${who} ${holds}. Nothing was sent.${wrongVariant} ` +
      'An administrator can assign the role on the AzureCommunicationsGateway enterprise application; the onboarding checks show how.',
  };
}
