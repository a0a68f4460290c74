// Type-level half of the parity test: the views of the Foundation issue have exactly the keys
// listed in validate-parity.keys.ts, which validate-parity.test.ts holds the runtime to.
import { expectTypeOf, test } from "vitest";
import type { GroupResourceType, UserResourceType } from "../src/builtins.js";
import type { CreateInput, ReplaceInput, ScimResource } from "../src/index.js";
import type { GadgetResourceType } from "./validate-fixtures.js";
import type { GADGET_KEYS, GROUP_KEYS, USER_KEYS } from "./validate-parity.keys.js";

type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];
type OptionalKeys<T> = Exclude<keyof T, RequiredKeys<T>>;
type Listed<L extends { readonly required: readonly string[]; readonly optional: readonly string[] }> = {
  required: L["required"][number];
  optional: L["optional"][number];
};
type Keys<T> = { required: RequiredKeys<T>; optional: OptionalKeys<T> };

type User = typeof UserResourceType;
type Group = typeof GroupResourceType;
type Gadget = typeof GadgetResourceType;

test("RFC 7644 §3.3 CreateInput / ReplaceInput keys equal the runtime create / replace keys", () => {
  expectTypeOf<Keys<CreateInput<User>>>().toEqualTypeOf<Listed<(typeof USER_KEYS)["input"]>>();
  expectTypeOf<Keys<ReplaceInput<User>>>().toEqualTypeOf<Listed<(typeof USER_KEYS)["input"]>>();
  expectTypeOf<Keys<CreateInput<Group>>>().toEqualTypeOf<Listed<(typeof GROUP_KEYS)["input"]>>();
  expectTypeOf<Keys<ReplaceInput<Group>>>().toEqualTypeOf<Listed<(typeof GROUP_KEYS)["input"]>>();
  expectTypeOf<Keys<CreateInput<Gadget>>>().toEqualTypeOf<Listed<(typeof GADGET_KEYS)["input"]>>();
  expectTypeOf<Keys<ReplaceInput<Gadget>>>().toEqualTypeOf<Listed<(typeof GADGET_KEYS)["input"]>>();
});

test("RFC 7643 §3 ScimResource keys equal the runtime resource keys", () => {
  expectTypeOf<Keys<ScimResource<User>>>().toEqualTypeOf<Listed<(typeof USER_KEYS)["resource"]>>();
  expectTypeOf<Keys<ScimResource<Group>>>().toEqualTypeOf<Listed<(typeof GROUP_KEYS)["resource"]>>();
  expectTypeOf<Keys<ScimResource<Gadget>>>().toEqualTypeOf<Listed<(typeof GADGET_KEYS)["resource"]>>();
});
