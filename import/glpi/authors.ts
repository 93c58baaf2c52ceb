import type { ReplyAuthor } from '../../runtime/log/events.js';
import type { ImportSummary } from '../import-summary.js';
import { ACTOR_TYPES, BUILT_IN_PROFILE_INTERFACES, INTERFACE_AUTHORS, NO_USER } from './mapping.js';

/**
 * Who wrote a followup: agent, customer or system. A user's profiles
 * (`glpi_profiles_users`, or the default profile in `glpi_users`) say it
 * best: a profile on the standard interface is staff. Without them, the
 * ticket's actors do: a user assigned to any ticket is an agent, a requester
 * or observer of this ticket is a customer. Both are today's values: GLPI
 * keeps no history of profiles.
 */
export class GlpiAuthors {
  private readonly interfaces = new Map<string, string>();
  private readonly profilesOfUser = new Map<string, Set<string>>();
  private readonly assigned = new Set<string>();
  private readonly customersOfTicket = new Map<string, Set<string>>();

  profile(id: string, userInterface: string): void {
    this.interfaces.set(id, userInterface.toLowerCase());
  }

  userProfile(user: string, profile: string): void {
    let profiles = this.profilesOfUser.get(user);
    if (!profiles) this.profilesOfUser.set(user, (profiles = new Set()));
    profiles.add(profile);
  }

  /** Records an actor of a ticket; false when `type` is not one GLPI defines. */
  actor(ticket: string, user: string, type: string): boolean {
    if (type === ACTOR_TYPES.assigned) {
      this.assigned.add(user);
      return true;
    }
    if (type !== ACTOR_TYPES.requester && type !== ACTOR_TYPES.observer) return false;
    let customers = this.customersOfTicket.get(ticket);
    if (!customers) this.customersOfTicket.set(ticket, (customers = new Set()));
    customers.add(user);
    return true;
  }

  /** The author of `user`'s followup on `ticket`, or undefined when nothing tells. */
  authorOf(user: string, ticket: string, summary: ImportSummary): ReplyAuthor | undefined {
    if (user === NO_USER || user === '') {
      summary.note('followups without a user (users_id 0: written by GLPI itself or from an unknown mail sender): taken as system replies');
      return 'system';
    }
    const byProfile = this.authorByProfile(user);
    if (byProfile !== undefined) return byProfile;
    if (this.assigned.has(user)) return 'agent';
    if (this.customersOfTicket.get(ticket)?.has(user)) return 'customer';
    return undefined;
  }

  private authorByProfile(user: string): ReplyAuthor | undefined {
    const profiles = this.profilesOfUser.get(user);
    if (!profiles) return undefined;
    const authors = [...profiles].map((profile) => INTERFACE_AUTHORS.get(this.interfaces.get(profile) ?? BUILT_IN_PROFILE_INTERFACES.get(profile) ?? ''));
    if (authors.includes('agent')) return 'agent';
    return authors.includes('customer') ? 'customer' : undefined;
  }
}
