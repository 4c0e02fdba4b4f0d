import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser, getOrgContext } from "@/lib/auth";
import { AppError, problem, type Words } from "@/lib/errors";
import { runAction, type ActionResult } from "@/lib/http";
import { assertCan, type OrgContext, type SignedInUser, type Capability } from "@/lib/tenant";
import { readInput, type ActionInput, type ActionPayload, type Schema, type Spec } from "./read-input";

/** What an action's body returns: its result, nothing (a plain success), or the page to open once it is done. */
export type ActionOutcome<T> = ActionResult<T> | void | { redirect: string };

type OrgSpec<S> = Spec<S> & {
  /** Checked before the input is read, as the domain function would (it checks again). */
  capability?: Capability;
  /** Pages to refresh once the body has run, under the organization: "/members" one page, "/*" every page below. */
  revalidate?: readonly string[] | ((input: ActionInput<S>) => readonly string[]);
};

type Body<C, S, T> = (context: C, input: ActionInput<S>) => Promise<ActionOutcome<T>>;

/**
 * A server action of an organization's page: `(orgSlug, previous, form)`, which a page binds to its organization and
 * hands to the form. The organization context (signed in and a member, else an error result), the capability, the
 * input, error mapping (runAction) and revalidation are done here; the body is the call.
 */
export function orgAction<S extends Schema | undefined = undefined>(spec: OrgSpec<S>) {
  return {
    run<T = undefined>(body: Body<OrgContext, S, T>) {
      return async (orgSlug: string, _previous: ActionResult<T>, payload: ActionPayload<S>): Promise<ActionResult<T>> => {
        const context = async () => {
          const ctx = await getOrgContext(orgSlug);
          if (spec.capability) assertCan(ctx, spec.capability);
          return ctx;
        };
        return perform(spec, payload, context, body, (input) => {
          const paths = typeof spec.revalidate === "function" ? spec.revalidate(input) : (spec.revalidate ?? []);
          for (const path of paths) {
            if (path.endsWith("/*")) revalidatePath(`/${orgSlug}${path.slice(0, -2)}`, "layout");
            else revalidatePath(`/${orgSlug}${path}`);
          }
        });
      };
    },
  };
}

/** A server action for any signed-in user, outside an organization (creating one, accepting an invitation). */
export function userAction<S extends Schema | undefined = undefined>(spec: Spec<S> & { signedOut?: Words }) {
  return {
    run<T = undefined>(body: Body<SignedInUser & { sessionId: string }, S, T>) {
      return async (_previous: ActionResult<T>, payload: ActionPayload<S>): Promise<ActionResult<T>> => {
        const user = async () => {
          const signedIn = await getCurrentUser();
          if (!signedIn) throw new AppError("UNAUTHORIZED", spec.signedOut ?? problem("access.signIn"));
          return signedIn;
        };
        return perform(spec, payload, user, body);
      };
    },
  };
}

/** A server action anyone may call (sign-in, sign-up, password reset, the participant's Stop button). */
export function publicAction<S extends Schema | undefined = undefined>(spec: Spec<S>) {
  return {
    run<T = undefined>(body: (input: ActionInput<S>) => Promise<ActionOutcome<T>>) {
      return async (_previous: ActionResult<T>, payload: ActionPayload<S>): Promise<ActionResult<T>> =>
        perform(spec, payload, async () => null, (_nobody, input: ActionInput<S>) => body(input));
    },
  };
}

async function perform<C, S extends Schema | undefined, T>(
  spec: Spec<S>,
  payload: unknown,
  context: () => Promise<C>,
  body: Body<C, S, T>,
  after?: (input: ActionInput<S>) => void,
): Promise<ActionResult<T>> {
  return runAction<T>(spec.name, async () => {
    const resolved = await context();
    const input = readInput(spec, payload);
    const outcome = await body(resolved, input);
    after?.(input);
    // Next's redirect signal: runAction lets it through, after the pages above were revalidated.
    if (outcome && "redirect" in outcome) redirect(outcome.redirect);
    return outcome;
  });
}

type OrgBound<A> = { [K in keyof A]: A[K] extends (orgSlug: string, ...rest: infer R) => infer O ? (...rest: R) => O : never };

/** For a page: its organization's actions, each bound to the slug, as the client forms take them. */
export function bindOrgActions<A extends Record<string, (orgSlug: string, ...rest: never[]) => unknown>>(orgSlug: string, actions: A): OrgBound<A> {
  return Object.fromEntries(Object.entries(actions).map(([key, action]) => [key, action.bind(null, orgSlug)])) as OrgBound<A>;
}
