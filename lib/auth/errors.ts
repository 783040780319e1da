// Thrown by the guards; pages turn them into the sign-in redirect or the 403 page, actions into a result.
export class UnauthenticatedError extends Error {
  constructor() {
    super("Not signed in");
    this.name = "UnauthenticatedError";
  }
}

export class ForbiddenError extends Error {
  constructor(readonly permission: string) {
    super(`Not allowed: ${permission}`);
    this.name = "ForbiddenError";
  }
}
