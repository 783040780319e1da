/**
 * Password rules for local accounts: long enough to resist guessing, three kinds of character (the usual
 * requirement of government security reviews), and not the login name itself.
 */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

export function passwordProblems(password: string, loginName?: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN) problems.push("validation.passwordTooShort");
  if (password.length > PASSWORD_MAX) problems.push("validation.passwordTooLong");
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push("validation.passwordClasses");
  if (loginName && loginName.length >= 3 && password.toLowerCase().includes(loginName.toLowerCase()))
    problems.push("validation.passwordContainsLogin");
  return problems;
}
