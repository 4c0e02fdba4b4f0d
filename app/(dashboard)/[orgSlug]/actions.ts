"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/adapters";
import { setUserLanguage, UserLanguageInput } from "@/lib/auth";

/** The user menu's language choice; every page is rendered again in it (the menu also refreshes the one open). */
export const setMyLanguageAction = userAction({ name: "set-my-language", input: UserLanguageInput }).run(async (user, input) => {
  await setUserLanguage(user, input);
  revalidatePath("/", "layout");
});
