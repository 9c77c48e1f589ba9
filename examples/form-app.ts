/**
 * The sign-up form (see form.ts): Inputs, a Textarea, a RadioGroup and a
 * Checkbox, with validation messages that appear once the user tried to
 * submit, a confirm dialog, and a toast when the account is made. Split
 * from form.ts so tests can mount it headlessly.
 */
import {
  Box,
  Button,
  Checkbox,
  computed,
  confirm,
  type Element,
  Input,
  RadioGroup,
  type ReadonlySignal,
  Row,
  signal,
  Text,
  Textarea,
  toast,
} from "letui";

/** What the form submits. */
export interface SignUp {
  /** The user's name. */
  name: string;
  /** Their email address. */
  email: string;
  /** The plan they chose. */
  plan: Plan;
  /** A few words about them. */
  about: string;
}

/** The plans on offer. */
export type Plan = "Free" | "Pro" | "Team";

const ABOUT_MAX = 280;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The form; `onSubmit` gets the data once the user confirmed. */
export function formApp(onSubmit: (data: SignUp) => void): Element {
  const name = signal("");
  const email = signal("");
  const password = signal("");
  const about = signal("");
  const plan = signal<Plan | undefined>("Free");
  const terms = signal(false);
  const tried = signal(false);
  const done = signal("");

  const errors = {
    name: computed(() => (name.value.trim() === "" ? "Enter your name" : name.value.length > 40 ? "At most 40 characters" : "")),
    email: computed(() => (EMAIL.test(email.value.trim()) ? "" : "Enter an email address like ada@example.com")),
    password: computed(() =>
      password.value.length < 8 ? "At least 8 characters" : /\d/.test(password.value) ? "" : "Include at least one digit",
    ),
    terms: computed(() => (terms.value ? "" : "Accept the terms to go on")),
  };
  const shown = (e: ReadonlySignal<string>) => computed(() => (tried.value ? e.value : ""));
  const problem = (e: ReadonlySignal<string>) => Text({ fg: "red", height: 1, marginLeft: 12 }, shown(e));
  const field = (label: string, input: Element) => Row({ height: 1, gap: 1 }, Text({ width: 11 }, label), input);

  const nameInput = Input({ id: "name", value: name, placeholder: "Ada Lovelace", autofocus: true });
  const emailInput = Input({ id: "email", value: email, placeholder: "ada@example.com" });
  const passwordInput = Input({ id: "password", value: password, password: true, placeholder: "8+ characters, a digit" });
  const termsBox = Checkbox({ id: "terms", label: "I accept the terms of service", checked: terms });
  const firstInvalid = (): Element | null => {
    if (errors.name.value) return nameInput;
    if (errors.email.value) return emailInput;
    if (errors.password.value) return passwordInput;
    if (errors.terms.value) return termsBox;
    return null;
  };

  let asking = false;
  const submit = async (from: Element) => {
    if (asking) return;
    tried.value = true;
    const bad = Object.values(errors).filter((e) => e.value !== "").length;
    if (bad > 0) {
      toast(from, `Please fix ${bad} field${bad === 1 ? "" : "s"}`, { kind: "error", duration: 3000 });
      const first = firstInvalid();
      if (first) from.app?.focus(first);
      return;
    }
    const data: SignUp = { name: name.value.trim(), email: email.value.trim(), plan: plan.value ?? "Free", about: about.value };
    asking = true;
    const ok = await confirm(from, { title: "Create account", message: `Create a ${data.plan} account for ${data.name} <${data.email}>?`, confirmLabel: "Create" });
    asking = false;
    if (!ok) return;
    onSubmit(data);
    done.value = `Account created for ${data.name}.`;
    toast(from, `Welcome, ${data.name}!`, { kind: "success", title: "Account created" });
  };

  const submitButton: Element = Button({ id: "submit", label: "Create account", onPress: () => void submit(submitButton) });
  return Box(
    { border: "rounded", title: "Sign up", paddingX: 1, flexGrow: 1 },
    field("Name", nameInput),
    problem(errors.name),
    field("Email", emailInput),
    problem(errors.email),
    field("Password", passwordInput),
    problem(errors.password),
    Row(
      { height: 4, gap: 1 },
      Text({ width: 11 }, "About you"),
      Box(
        { flexGrow: 1 },
        Textarea({ id: "about", value: about, maxLength: ABOUT_MAX, placeholder: "A few words (optional)", tab: "focus", flexGrow: 1 }),
      ),
    ),
    Text({ dim: true, marginLeft: 12, height: 1 }, computed(() => `${about.value.length}/${ABOUT_MAX}`)),
    Row({ height: 1, gap: 1 }, Text({ width: 11 }, "Plan"), RadioGroup<Plan>({ id: "plan", options: ["Free", "Pro", "Team"], value: plan, horizontal: true })),
    Row({ height: 1, marginLeft: 12, marginTop: 1 }, termsBox),
    problem(errors.terms),
    Row({ height: 1, gap: 2, marginLeft: 12 }, submitButton, Text({ fg: "green" }, done)),
    Text({ dim: true, marginTop: 1 }, "Tab: next field · Space: toggle · Enter: press · Ctrl-C: quit"),
  );
}
