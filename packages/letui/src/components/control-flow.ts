/**
 * Reactive children: `Show` renders one of two things depending on a
 * condition; `For` renders a list, reusing elements by key so that an
 * update creates elements only for new keys.
 *
 * Neither adds a box: they are fragments, whose children are laid out as
 * children of the element they sit in (a `Show` in a row puts its child
 * in the row). Layout props belong on that element.
 */
import { Element } from "../app/element.ts";
import { argumentError } from "../errors.ts";
import type { Screen } from "../screen.ts";
import { createScope, type MaybeSignal, type ReadonlySignal, type Scope, type Signal, signal, untrack } from "../signals.ts";
import { checkArray, checkFunction, checkPropsObject, checkRendered, propError, showValue } from "./check.ts";

/** The element behind `Show` and `For`: no layout node, nothing painted; only children. */
export class FragmentElement extends Element {
  readonly kind = "fragment";

  override get fragment(): boolean {
    return true;
  }

  paint(_screen: Screen): void {}
}

/** Throws for any prop a fragment does not take, naming it. */
function checkFragmentProps(component: string, props: object, allowed: readonly string[]): void {
  for (const key of Object.keys(props)) {
    if (allowed.includes(key)) continue;
    throw argumentError(
      `${component}: prop ${key} is not supported: ${component} adds no box of its own, so put layout and style props on a Box around it (its props are ${allowed.join(", ")})`,
    );
  }
}

/** Props of {@link Show}. */
export interface ShowProps<T> {
  /** The condition; its value (when truthy) is passed to the render function. */
  when: MaybeSignal<T>;
  /** Rendered while the condition is falsy. */
  fallback?: () => Element;
}

/**
 * `Show({ when: loading }, () => Text("Loading…"))`: renders the child while
 * `when` is truthy (and `fallback` otherwise). Children are created when the
 * condition flips and disposed when it flips back.
 */
export function Show<T>(props: ShowProps<T>, render: (value: T) => Element): FragmentElement {
  checkPropsObject("Show", props, false);
  checkFragmentProps("Show", props, ["when", "fallback"]);
  checkRenderFunction("Show", render);
  checkFunction("Show", "fallback", props.fallback);
  const el = new FragmentElement();
  let current: { child: Element; scope: Scope } | null = null;
  let shown: boolean | undefined;
  el.bind(props.when, (value) => {
    const truthy = Boolean(value);
    if (truthy === shown) return;
    shown = truthy;
    if (current) {
      el.remove(current.child);
      current.scope.dispose();
      current = null;
    }
    const make = truthy ? () => checkRendered("Show", "render", render(value)) : props.fallback;
    if (!make) return;
    const scope = el.scope.run(() => createScope());
    const child = untrack(() => scope.run(() => checkRendered("Show", truthy ? "render" : "fallback", make())));
    current = { child, scope };
    el.append(child);
  });
  return el;
}

/** Props of {@link For}. */
export interface ForProps<T> {
  /** The items. */
  each: MaybeSignal<readonly T[]>;
  /** A stable key per item (default: the item itself). Keys must be unique. */
  key?: (item: T, index: number) => unknown;
}

interface Entry<T> {
  el: Element;
  scope: Scope;
  item: Signal<T>;
  index: Signal<number>;
}

/**
 * `For({ each: rows, key: (r) => r.id }, (row, index) => Text(...))`: one
 * element per item, reused while its key stays; `row` and `index` are
 * signals updated in place when an item with the same key changes or moves.
 */
export function For<T>(props: ForProps<T>, render: (item: ReadonlySignal<T>, index: ReadonlySignal<number>) => Element): FragmentElement {
  checkPropsObject("For", props, false);
  checkFragmentProps("For", props, ["each", "key"]);
  checkRenderFunction("For", render);
  checkFunction("For", "key", props.key);
  if (props.each === undefined) checkArray("For", "each", props.each);
  const el = new FragmentElement();
  const keyOf = props.key ?? ((item: T) => item);
  let entries = new Map<unknown, Entry<T>>();
  el.bind(props.each, (items) => {
    checkArray("For", "each", items);
    const next = new Map<unknown, Entry<T>>();
    const order: Element[] = [];
    items.forEach((item, i) => {
      const k = keyOf(item, i);
      if (next.has(k)) throw argumentError(`For: duplicate key ${showValue(k)} at index ${i}`);
      let entry = entries.get(k);
      if (entry) {
        entry.item.value = item;
        entry.index.value = i;
      } else {
        const scope = el.scope.run(() => createScope());
        const itemSig = signal(item);
        const indexSig = signal(i);
        const child = untrack(() => scope.run(() => checkRendered("For", "render", render(itemSig, indexSig))));
        entry = { el: child, scope, item: itemSig, index: indexSig };
      }
      next.set(k, entry);
      order.push(entry.el);
    });
    const gone: Entry<T>[] = [];
    for (const [k, e] of entries) if (!next.has(k)) gone.push(e);
    entries = next;
    // One pass: setChildren unmounts the elements that are not kept.
    el.setChildren(order);
    for (const e of gone) e.scope.dispose();
  });
  return el;
}

function checkRenderFunction(component: string, render: unknown): void {
  if (typeof render !== "function") throw propError(component, "render", render, "a function returning an element");
}
