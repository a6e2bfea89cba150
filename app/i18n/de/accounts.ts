export const accounts = {
  login: {
    title: "Anmelden",
    email: "E-Mail-Adresse",
    password: "Passwort",
    submit: "Anmelden",
    invalid: "E-Mail-Adresse oder Passwort ist falsch.",
    tooMany: "Zu viele Fehlversuche. Bitte warten Sie 15 Minuten und versuchen Sie es dann erneut.",
    invitationOnly: "Konten werden nur auf Einladung vergeben.",
  },
  logout: "Abmelden",
};
