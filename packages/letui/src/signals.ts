/**
 * The reactive core: signals, computeds, effects, batching, ownership scopes
 * and resources. See `signals/graph.ts` for the algorithm.
 */

export { computed } from "./signals/computed.ts";
export { subscriberCount } from "./signals/debug.ts";
export { type EffectCleanup, type EffectFn, effect } from "./signals/effect.ts";
export { batch, untrack } from "./signals/graph.ts";
export { type MaybeSignal, isSignal, read } from "./signals/read.ts";
export {
  type Resource,
  type ResourceFetchInfo,
  type ResourceState,
  resource,
} from "./signals/resource.ts";
export { type Scope, createScope, getScope, onCleanup } from "./signals/scope.ts";
export { type ReadonlySignal, type Signal, type SignalOptions, signal } from "./signals/signal.ts";
