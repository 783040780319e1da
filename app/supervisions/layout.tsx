// Client forms below this segment translate on the client: give them the whole catalogue.
export { default } from "@/components/i18n/form-messages";
