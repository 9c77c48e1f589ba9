/** The element at the top of every app: fills the screen, paints nothing itself. */
import type { Screen } from "../screen.ts";
import { Element } from "./element.ts";

/** The root of an app's element tree. */
export class RootElement extends Element {
  readonly kind = "root";

  constructor() {
    super();
    this.layout = { flexDirection: "column" };
  }

  paint(_screen: Screen): void {}
}
