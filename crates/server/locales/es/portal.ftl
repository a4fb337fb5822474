# Portal público para denunciar estafas (incidencia 3). El inglés es el idioma de referencia: todos los
# demás idiomas incluyen cada uno de los mensajes de este archivo, con las mismas variables.

## Elementos comunes
site-name = Denunciar una estafa
site-tagline = Infórmenos de los mensajes que se hacen pasar por { $brand }. Cada denuncia nos ayuda a encontrar y detener a quienes están detrás.
language-label = Idioma
language-change = Cambiar idioma
skip-to-content = Ir al contenido principal
nav-report = Denunciar una estafa
nav-check = ¿Somos realmente nosotros?
nav-status = Consultar una denuncia
footer-privacy = Solo utilizamos la información que nos envía para luchar contra el fraude. Nunca compartimos sus datos de contacto con las personas que denuncia.
footer-never-ask = { $brand } nunca le pedirá tarjetas regalo, contraseñas ni códigos de un solo uso.

## Formulario de denuncia
form-title = Denunciar un mensaje o una llamada fraudulentos
form-intro = Los campos marcados como opcionales pueden dejarse en blanco. No necesita tener una cuenta.
form-required = obligatorio
form-optional = opcional
field-channel = ¿Cómo le llegó?
channel-email = Correo electrónico
channel-sms = Mensaje de texto (SMS)
channel-phone_call = Llamada telefónica
channel-social_media = Redes sociales o aplicación de mensajería
channel-web = Sitio web o ventana emergente
channel-other = De otra forma
field-body = El mensaje
field-body-hint = Pegue el mensaje completo, tal como lo recibió. Si fue una llamada, escriba lo que le dijo la persona que llamó.
field-eml = O suba el correo electrónico como archivo (.eml)
field-eml-hint = En la mayoría de los programas de correo: abra el mensaje y elija «Guardar como» o «Descargar mensaje».
field-sender = ¿Quién lo envió?
field-sender-hint = La dirección de correo electrónico, el número de teléfono o el nombre de la cuenta desde la que se envió.
field-links = Enlaces del mensaje
field-links-hint = Cópielos exactamente como aparecen. Por favor, no los abra.
field-phone = El número de teléfono desde el que le llamaron o le enviaron el mensaje
field-when = ¿Cuándo lo recibió?
field-what-happened = ¿Qué ocurrió?
field-what-happened-hint = Por ejemplo: le ofrecieron un reembolso, le confirmaron un pedido que usted no había hecho o le pidieron tarjetas regalo.
field-money-lost = ¿Perdió dinero?
money-lost-no = No
money-lost-yes = Sí
field-amount = Importe
field-currency = Moneda
field-payment-method = ¿Cómo pagó?
payment-gift_card = Tarjetas regalo
payment-wire = Transferencia bancaria
payment-crypto = Criptomonedas
payment-card = Tarjeta de crédito o débito
payment-other = De otra forma
field-screenshot = Captura de pantalla
field-screenshot-hint = Una imagen del mensaje, si la tiene (PNG o JPEG, hasta { $max_mb } MB).
field-email = Su dirección de correo electrónico
field-email-hint = Para avisarle cuando tomemos medidas a raíz de su denuncia. No la utilizaremos para nada más.
form-submit = Enviar denuncia
form-sending = Enviando…

## Errores del formulario
error-summary-title = { $count ->
    [one] Hay un problema en su denuncia
   *[other] Hay { $count } problemas en su denuncia
}
error-required = Por favor, rellene este campo.
error-body-empty = Por favor, pegue el mensaje que recibió.
error-body-too-long = El mensaje es demasiado largo. Acórtelo a { $max } caracteres como máximo.
error-email-invalid = Introduzca una dirección de correo electrónico como nombre@example.com.
error-amount-invalid = Introduzca un importe como 49,99.
error-currency-invalid = Elija una moneda.
error-date-invalid = Introduzca una fecha como { $example }.
error-date-future = La fecha no puede ser futura.
error-file-too-large = El archivo es demasiado grande. El tamaño máximo que aceptamos es de { $max_mb } MB.
error-file-type = No podemos leer este tipo de archivo. Formatos admitidos: { $types }.
error-eml-invalid = No hemos podido leer este archivo como correo electrónico. Pegue el mensaje en su lugar.
error-try-again = Algo ha fallado por nuestra parte. No se ha perdido nada: vuelva a enviar el formulario dentro de un momento.

## Confirmación de recepción
ack-title = Gracias. Hemos recibido su denuncia.
ack-reference = Su número de referencia es { $reference }.
ack-keep-reference = Guárdelo: le servirá para consultar el estado de su denuncia.
ack-next-title = ¿Qué ocurre ahora?
ack-next-review = Nuestro equipo revisa todas las denuncias. Las que se refieren a una misma estafa se agrupan, así que la suya nos ayuda a conocer su alcance.
ack-next-action = Cuando tomemos medidas, como cerrar un sitio web falso, actualizaremos el estado de su denuncia.
ack-next-email = También le escribiremos a { $email }.
ack-lost-money = Si perdió dinero, póngase en contacto cuanto antes con su banco o con el emisor de su tarjeta. Es posible que puedan detener o revertir el pago.
ack-another = Denunciar otra estafa

## Página de estado
status-title = Denuncia { $reference }
status-lookup-label = Su número de referencia
status-lookup-submit = Consultar
status-not-found = No hemos encontrado ninguna denuncia con esta referencia. Compruébela e inténtelo de nuevo.
status-received = Recibida
status-received-detail = Hemos recibido su denuncia y está pendiente de revisión.
status-under_review = En revisión
status-under_review-detail = Nuestro equipo está investigando la estafa que denunció.
status-action_taken = Medidas tomadas
status-action_taken-detail = Hemos tomado medidas contra esta estafa. Gracias por ayudar a proteger a los demás.
status-received-on = Recibida el { $date }

## ¿Somos realmente nosotros?
check-title = ¿Es realmente { $brand }?
check-intro = Pegue un mensaje, un enlace, una dirección de correo electrónico o un número de teléfono y le diremos lo que sabemos al respecto.
check-input-label = Mensaje, enlace, dirección de correo electrónico o número de teléfono
check-submit = Comprobar
verdict-official = Este es un canal oficial de { $brand }.
verdict-known_scam = Es una estafa conocida. No responda, no haga clic en nada y no pague. { $count ->
    [one] Una persona ya la ha denunciado.
   *[other] { $count } personas ya la han denunciado.
}
verdict-lookalike = Parece { $brand }, pero no lo es. Es muy probable que se trate de una estafa.
verdict-unknown = Todavía no tenemos información sobre esto. Si le piden dinero, contraseñas o códigos, considérelo una estafa y denúncielo.
check-report-it = Denunciarlo

## Correo electrónico de confirmación
email-ack-subject = Su denuncia de estafa { $reference }
email-ack-greeting = Hola:
email-ack-body = Gracias por denunciar una estafa que utilizaba el nombre de { $brand }. Su número de referencia es { $reference }.
email-ack-status = Puede consultar el estado de su denuncia en cualquier momento: { $url }
email-ack-action-subject = Novedades sobre su denuncia { $reference }
email-ack-action-body = Hemos tomado medidas contra la estafa que denunció. Gracias por ayudar a proteger a los demás.
email-ack-signoff = El equipo de protección al cliente de { $brand }

## Aviso a los clientes (correo electrónico en texto sin formato): una estafa usa el nombre de la marca. Tras la
## introducción viene la lista de direcciones, números y sitios de los estafadores, escritos de forma desactivada (evil[.]com).
warning-subject = Atención: los mensajes que se hacen pasar por { $brand } son una estafa
warning-intro = Los mensajes que dicen ser de { $brand } y que se envían desde las direcciones y los números siguientes, o que remiten a ellos, son una estafa. No los enviamos nosotros.
warning-more = { $count ->
    [one] y otro más
    [many] y { $count } más
   *[other] y { $count } más
}
warning-if-you-receive = Si recibe alguno:
warning-no-links = nunca haga clic en los enlaces ni abra los archivos adjuntos que contenga;
warning-no-payment = nunca pague nada ni facilite contraseñas, códigos ni los datos de su tarjeta;
warning-report = denúncielo escribiéndonos a { $address } y después bórrelo.
warning-paid = Si ya ha pagado o ha facilitado algún dato, póngase en contacto cuanto antes con su banco.
warning-reference = Referencia: { $reference }

## Elementos de la página
page-title = { $page } – { $brand }
nav-advice = Consejos sobre estafas
nav-main = Menú principal
breadcrumb-home = Inicio
noscript-ok = Su navegador no está ejecutando JavaScript. No pasa nada: el formulario funciona igualmente.
contact-direct = Si está en peligro o acaba de pagar a un estafador, llame primero a su banco y a la policía.

## Formulario de denuncia, más campos
field-scam-kind = ¿De qué se trataba?
scam-kind-fake_order = Me confirmaron un pedido que yo no había hecho
scam-kind-fake_refund = Me ofrecieron un reembolso
scam-kind-gift_card = Me pidieron tarjetas regalo
scam-kind-fake_support = Decían ser del servicio de atención al cliente
scam-kind-tech_support = Me dijeron que mi ordenador o mi cuenta tenían un problema
scam-kind-delivery = Un problema con una entrega o una tasa por un paquete
scam-kind-prize = Un premio, un empleo o una inversión
scam-kind-account = Me dijeron que iban a cerrar o bloquear mi cuenta
scam-kind-other = Otra cosa
choose-one = Elija una opción
field-date-hint = Por ejemplo, { $example }. Déjelo en blanco si no lo sabe.
field-time = Hora
field-country = ¿Dónde vive?
field-country-hint = Nos ayuda a ver dónde se está extendiendo una estafa.
form-privacy-note = Al enviar este formulario, acepta que lo utilicemos para investigar la estafa. Conservaremos el mensaje como prueba.
form-challenge = Estamos comprobando que es usted una persona. La comprobación se hace en su navegador y tarda unos segundos.
form-challenge-done = Comprobación completada.

## Más errores del formulario
error-phone-invalid = Introduzca un número de teléfono con el prefijo del país, por ejemplo, { $example }.
error-too-many-links = Indique { $max } enlaces como máximo.
error-link-invalid = Esto no parece un enlace. Cópielo tal como aparece en el mensaje.
error-too-long = Acorte este texto a { $max } caracteres como máximo.
error-screenshot-type = Envíe una imagen en formato PNG, JPEG, GIF o WebP.
error-form-expired = El formulario ha estado abierto demasiado tiempo. Revise sus respuestas y vuelva a enviarlo.
error-rate-limited = { $minutes ->
    [one] Ha enviado muchas denuncias en poco tiempo. Espere un minuto y vuelva a intentarlo.
    [many] Ha enviado muchas denuncias en poco tiempo. Espere { $minutes } minutos y vuelva a intentarlo.
   *[other] Ha enviado muchas denuncias en poco tiempo. Espere { $minutes } minutos y vuelva a intentarlo.
}
error-channel-missing = Indíquenos cómo le llegó el mensaje.
error-page-not-found-title = Página no encontrada
error-page-not-found = No hemos encontrado esta página. Es posible que haya cambiado de dirección.
error-server-title = Algo ha fallado
error-bad-request = No hemos podido interpretar los datos que ha enviado su navegador. Vuelva atrás e inténtelo de nuevo.

## Página de estado, más
status-lookup-title = Consultar una denuncia
status-lookup-intro = Introduzca el número de referencia que recibió al presentar la denuncia, por ejemplo, { $example }.
status-steps = Progreso de su denuncia
status-step-done = paso completado
status-step-current = paso actual
status-step-pending = paso pendiente
status-updated-on = Última actualización: { $date }
status-privacy = Para proteger su privacidad, esta página solo muestra en qué punto se encuentra su denuncia, nunca su contenido.

## ¿Somos realmente nosotros? Más
check-empty = Pegue el contenido que quiera comprobar.
check-too-long = Pegue { $max } caracteres como máximo.
check-result-title = Lo que hemos encontrado
check-checked-value = Ha consultado: { $value }
check-known-since = Se denunció por primera vez el { $date }.
check-known-channels = Llega a la gente a través de: { $channels }.
check-what-to-do = Qué hacer ahora
check-advice-official = Puede responder con total seguridad. Si aún tiene dudas, póngase en contacto con nosotros a través de la aplicación o el sitio web que utiliza habitualmente, nunca mediante un enlace recibido en un mensaje.
check-advice-scam = No responda, no devuelva la llamada, no haga clic en ningún enlace y no pague. Si ya lo ha hecho, póngase en contacto con su banco ahora mismo y cambie sus contraseñas.
check-advice-unknown = Tenga cuidado. Nunca pedimos tarjetas regalo, contraseñas ni códigos de un solo uso, y nunca le metemos prisa para que pague.
check-official-channels = Nuestros canales oficiales
