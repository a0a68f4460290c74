// TYPES.md row 3: one more typed PATCH call on User, reported net of one-patch-0.
import { patch, UserResourceType } from "scimtype";
export const first = patch(UserResourceType).replace("displayName", "Babs Jensen");
export const p = patch(UserResourceType).replace('emails[type eq "work"].value', "babs@example.com");
