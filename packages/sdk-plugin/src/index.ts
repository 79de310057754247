/**
 * @rolecall/sdk-plugin: validates AssumeRole, AssumeRoleWithWebIdentity and AssumeRoleWithSAML command inputs in
 * the AWS SDK for JavaScript v3 before the request is built, since the v3 SDK itself validates nothing on the
 * client.
 *
 *   import { STSClient } from '@aws-sdk/client-sts';
 *   import { rolecallPlugin } from '@rolecall/sdk-plugin';
 *   const sts = new STSClient({});
 *   sts.middlewareStack.use(rolecallPlugin());
 *
 * The middleware sits in the `initialize` step (before serialization, signing and any network I/O) and picks the
 * operation from the command name the SDK puts into the handler context. Other commands pass through untouched.
 *
 * The SDK's middleware types live in @smithy/types; the few shapes used here are declared structurally so this
 * package depends on nothing but @rolecall/validators (the SDK is a peer).
 */
import {
  RolecallValidationError,
  validate,
  type Issue,
  type Operation,
  type ValidateOptions,
} from '@rolecall/validators';

export { RolecallValidationError };
export type { Issue };

export interface RolecallPluginOptions extends ValidateOptions {
  /**
   * Called with the warning-severity issues of an input that has no errors (errors throw instead). Warnings are
   * findings whose source is unverified, e.g. TokenCode without SerialNumber. Without a callback they are ignored.
   */
  readonly onWarning?: (warnings: readonly Issue[], details: { readonly operation: Operation; readonly commandName: string }) => void;
}

/** Name of the middleware in the client's stack (for `middlewareStack.remove`). */
export const MIDDLEWARE_NAME = 'rolecallValidationMiddleware';

const OPERATION_BY_COMMAND: Readonly<Record<string, Operation>> = {
  AssumeRoleCommand: 'AssumeRole',
  AssumeRoleWithWebIdentityCommand: 'AssumeRoleWithWebIdentity',
  AssumeRoleWithSAMLCommand: 'AssumeRoleWithSAML',
};

/** The parts of the SDK's HandlerExecutionContext this middleware reads. */
interface HandlerContext {
  readonly commandName?: string;
}

/*
 * `any` here, and only here: the handler types must be assignable both ways with every client's
 * InitializeHandler<Input, Output> (function parameters are checked contravariantly). The input is treated as
 * `unknown` by the validators.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
interface InitializeArgs {
  input: any;
  [key: string]: any;
}
type InitializeHandler = (args: InitializeArgs) => Promise<any>;
/* eslint-enable @typescript-eslint/no-explicit-any */
type InitializeMiddleware = (next: InitializeHandler, context: HandlerContext) => InitializeHandler;

/** The part of the SDK's MiddlewareStack this plugin uses. */
export interface MiddlewareStackLike {
  add(
    middleware: InitializeMiddleware,
    options: { step: 'initialize'; name: string; priority: 'high'; override: boolean; tags: string[] },
  ): void;
}

/** Structurally a `Pluggable<any, any>` from @smithy/types, accepted by `client.middlewareStack.use()`. */
export interface RolecallPluggable {
  applyToStack(stack: MiddlewareStackLike): void;
}

function validationOptions(options: RolecallPluginOptions): ValidateOptions {
  const { onWarning: _ignored, ...rest } = options;
  return rest;
}

/** The initialize-step middleware itself, for stacks that are assembled by hand. */
export function rolecallMiddleware(options: RolecallPluginOptions = {}): InitializeMiddleware {
  const validateOptions = validationOptions(options);
  return (next, context) => async (args) => {
    const commandName = context.commandName ?? '';
    const operation = Object.prototype.hasOwnProperty.call(OPERATION_BY_COMMAND, commandName)
      ? OPERATION_BY_COMMAND[commandName]
      : undefined;
    if (operation !== undefined) {
      const input: unknown = args.input;
      const result = validate(operation, input, validateOptions);
      if (!result.valid) throw new RolecallValidationError(operation, result.issues);
      if (result.issues.length > 0) options.onWarning?.(result.issues, { operation, commandName });
    }
    return next(args);
  };
}

/**
 * `client.middlewareStack.use(rolecallPlugin(options))`. Options are the validators' options (`profile`,
 * `roleChaining`, `maxSessionDuration`, `inheritedTransitiveTagKeys`) plus `onWarning`.
 */
export function rolecallPlugin(options: RolecallPluginOptions = {}): RolecallPluggable {
  const middleware = rolecallMiddleware(options);
  return {
    applyToStack(stack) {
      stack.add(middleware, { step: 'initialize', name: MIDDLEWARE_NAME, priority: 'high', override: true, tags: ['ROLECALL'] });
    },
  };
}
