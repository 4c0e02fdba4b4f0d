"use server";

import { getTranslations } from "next-intl/server";
import { orgAction } from "@/lib/adapters";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  resendWebhookDelivery,
  rotateWebhookSecret,
  sendTestWebhook,
  setWebhookEndpointEnabled,
  updateWebhookEndpoint,
} from "@/lib/webhooks";
import { DeliveryRef, EndpointEnabledInput, EndpointRef, type WebhookEndpointInput } from "@/lib/webhooks/event-types";

const spec = { capability: "webhooks.manage", revalidate: ["/settings/webhooks"] } as const;

// The endpoint's fields are parsed by the domain; runAction words its refusals in the organizer's language.
export const createWebhookEndpointAction = orgAction({ name: "create-webhook-endpoint", ...spec }).run(
  async (ctx, input) => {
    await createWebhookEndpoint(ctx, input as WebhookEndpointInput);
    const t = await getTranslations("webhooks");
    return { ok: true, message: t("add.added") };
  },
);

export const updateWebhookEndpointAction = orgAction({ name: "update-webhook-endpoint", input: EndpointRef.loose(), ...spec }).run(
  async (ctx, { endpointId, ...input }) => {
    await updateWebhookEndpoint(ctx, endpointId, input as WebhookEndpointInput);
    const t = await getTranslations("webhooks");
    return { ok: true, message: t("form.saved") };
  },
);

export const rotateWebhookSecretAction = orgAction({ name: "rotate-webhook-secret", input: EndpointRef, ...spec }).run(async (ctx, input) => {
  await rotateWebhookSecret(ctx, input.endpointId);
  const t = await getTranslations("webhooks");
    return { ok: true, message: t("endpoint.rotated") };
});

export const setWebhookEndpointEnabledAction = orgAction({ name: "set-webhook-endpoint-enabled", input: EndpointEnabledInput, ...spec }).run(
  async (ctx, input) => {
    await setWebhookEndpointEnabled(ctx, input.endpointId, input.enabled);
    const t = await getTranslations("webhooks");
    if (input.enabled) return { ok: true, message: t("endpoint.enabledNow") };
    return { ok: true, message: t("endpoint.disabledNow") };
  },
);

export const deleteWebhookEndpointAction = orgAction({ name: "delete-webhook-endpoint", input: EndpointRef, ...spec }).run(async (ctx, input) => {
  await deleteWebhookEndpoint(ctx, input.endpointId);
  const t = await getTranslations("webhooks");
    return { ok: true, message: t("endpoint.deleted") };
});

export const sendTestWebhookAction = orgAction({ name: "send-test-webhook", input: EndpointRef, ...spec }).run(async (ctx, input) => {
  await sendTestWebhook(ctx, input.endpointId);
  const t = await getTranslations("webhooks");
    return { ok: true, message: t("endpoint.testQueued") };
});

export const resendWebhookDeliveryAction = orgAction({ name: "resend-webhook-delivery", input: DeliveryRef, ...spec }).run(
  async (ctx, input) => {
    await resendWebhookDelivery(ctx, input.endpointId, input.deliveryId);
    const t = await getTranslations("webhooks");
    return { ok: true, message: t("deliveries.resent") };
  },
);
