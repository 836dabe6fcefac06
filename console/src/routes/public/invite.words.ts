// T2: the signup page in the language the participant chose (it starts from the browser's).

const EN = {
  lang: 'en',
  /** Dates in the page's language; undefined: the browser's. */
  locale: undefined as string | undefined,
  invalidTitle: 'This invite link is not valid',
  invalidBody: 'The link may be mistyped, or the study may have closed. Ask the person who invited you for a new link.',
  bookedTitle: "You're booked",
  study: 'Study',
  when: 'When',
  where: 'Where',
  manageTitle: 'Manage your booking',
  manageBody: 'Use this link to cancel or to remove your phone number. It is private: anyone who has it can change your booking, so keep it to yourself.',
  signUpFor: (study: string) => `Sign up for ${study}`,
  languageHint: 'Your texts and the consent text below follow this choice.',
  noSessions: 'There are no open sessions right now. Please check back later.',
  correctFields: (n: number) => `Please correct the ${n} fields marked below.`,
  name: 'Your name',
  email: 'Email',
  chooseTime: (viewerZone: string, sessionZone: string) => `Choose a time (shown in your time zone, ${viewerZone}; sessions are in ${sessionZone})`,
  minutes: (n: number) => `${n} min`,
  mobile: 'Mobile number',
  mobileOptional: 'Mobile number (optional)',
  mobileHint: 'We text you logistics for this session: a confirmation, a reminder, and any change.',
  mobileOptionalHint: 'Only if you would like text reminders.',
  consent: 'I agree to receive text messages about this booking',
  submit: 'Submit',
  booking: 'Booking…',
  /** ALTCHA's own words; undefined keeps the widget's English. */
  challenge: undefined as Record<string, string> | undefined,
};

export type InviteWords = typeof EN;

const ES: InviteWords = {
  lang: 'es',
  // US Spanish, as the texts are written.
  locale: 'es-US',
  invalidTitle: 'Este enlace de invitación no es válido',
  invalidBody: 'Puede que el enlace esté mal escrito o que el estudio haya cerrado. Pida un enlace nuevo a quien le invitó.',
  bookedTitle: 'Su cita está reservada',
  study: 'Estudio',
  when: 'Cuándo',
  where: 'Dónde',
  manageTitle: 'Administrar su cita',
  manageBody: 'Use este enlace para cancelar o para quitar su número de teléfono. Es privado: quien lo tenga puede cambiar su cita, así que no lo comparta.',
  signUpFor: (study) => `Inscríbase en ${study}`,
  languageHint: 'Sus mensajes y el texto de consentimiento siguen esta elección.',
  noSessions: 'No hay sesiones disponibles ahora. Vuelva a consultar más tarde.',
  correctFields: (n) => `Corrija los ${n} campos marcados abajo.`,
  name: 'Su nombre',
  email: 'Correo electrónico',
  chooseTime: (viewerZone, sessionZone) => `Elija un horario (en su zona horaria, ${viewerZone}; las sesiones son en ${sessionZone})`,
  minutes: (n) => `${n} min`,
  mobile: 'Número de móvil',
  mobileOptional: 'Número de móvil (opcional)',
  mobileHint: 'Le enviamos mensajes con los detalles de esta sesión: una confirmación, un recordatorio y cualquier cambio.',
  mobileOptionalHint: 'Solo si quiere recordatorios por mensaje de texto.',
  consent: 'Acepto recibir mensajes de texto sobre esta cita',
  submit: 'Enviar',
  booking: 'Reservando…',
  challenge: {
    label: 'No soy un robot',
    verifying: 'Verificando…',
    verified: 'Verificado',
    error: 'La verificación falló. Inténtelo de nuevo más tarde.',
    expired: 'La verificación caducó. Inténtelo de nuevo.',
    waitAlert: 'Verificando… espere un momento.',
    ariaLinkLabel: 'Visite altcha.org',
  },
};

export function inviteWords(language: string | null | undefined): InviteWords {
  return language === 'ES' ? ES : EN;
}
