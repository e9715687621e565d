// A one-shot message carried across a navigation ("Product archived" shown by the list the user lands on).
let pending = null;

export function leaveNotice(text) {
  pending = text;
}

export function takeNotice() {
  const text = pending;
  pending = null;
  return text;
}
