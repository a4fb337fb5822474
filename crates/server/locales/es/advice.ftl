# Páginas de consejos sobre estafas habituales (incidencia 3). El inglés es el idioma de referencia: todos los
# demás idiomas incluyen cada uno de los mensajes de este archivo, con las mismas variables. Cada tema tiene un
# título, un resumen de una línea, una explicación de cómo funciona la estafa, cuatro señales de alerta, tres
# cosas que hacer y qué hacer si ya se ha pagado.

advice-index-title = Consejos sobre las estafas más habituales
advice-index-intro = Los estafadores se hacen pasar por { $brand } para quedarse con su dinero o sus contraseñas. Estos son los trucos que vemos con más frecuencia y cómo reconocerlos.
advice-signs-title = Cómo reconocerla
advice-do-title = Qué hacer
advice-paid-title = Si ya ha pagado o ha facilitado sus datos
advice-report-cta = ¿Ha recibido algo parecido? Denúncielo.
advice-read-more = Más información

## Confirmaciones de pedido falsas
advice-fake_order-title = Confirmaciones de pedido falsas
advice-fake_order-summary = Un mensaje confirma un pedido caro que usted nunca hizo y le insta a llamar o a hacer clic para cancelarlo.
advice-fake_order-how = El mensaje parece un recibo auténtico de un teléfono, un portátil o una tarjeta regalo. Ante la preocupación, usted llama al número o abre el enlace, y la supuesta «cancelación» acaba en preguntas sobre su tarjeta, en un pago o en un programa que les da acceso a su ordenador.
advice-fake_order-sign-1 = Usted no ha pedido lo que describe el mensaje.
advice-fake_order-sign-2 = Le da un número de teléfono al que llamar para cancelar, en lugar de remitirle a su cuenta.
advice-fake_order-sign-3 = Procede de una dirección o un número que no figura entre nuestros canales oficiales.
advice-fake_order-sign-4 = Le presiona para que actúe en cuestión de horas.
advice-fake_order-do-1 = No llame al número ni haga clic en los enlaces del mensaje.
advice-fake_order-do-2 = Abra la aplicación o escriba directamente nuestra dirección en el navegador y consulte allí sus pedidos.
advice-fake_order-do-3 = Denuncie el mensaje para que podamos bloquear el número o el sitio web.
advice-fake_order-paid = Llame a su banco o al emisor de su tarjeta al número que figura en ella y pídales que detengan el pago. Cambie su contraseña y desinstale cualquier programa que la persona que le llamó le pidiera instalar.

## Reembolsos falsos
advice-fake_refund-title = Ofertas de reembolso falsas
advice-fake_refund-summary = Alguien le dice que tiene un reembolso pendiente y que, para enviárselo, necesita sus datos bancarios, un pago o acceso remoto a su dispositivo.
advice-fake_refund-how = El estafador asegura que le espera un reembolso, luego dice que por error le enviaron de más y le pide que devuelva la diferencia, a menudo en tarjetas regalo o por transferencia bancaria. Los reembolsos auténticos se abonan automáticamente en el mismo medio de pago que usted utilizó.
advice-fake_refund-sign-1 = Usted no ha solicitado ningún reembolso.
advice-fake_refund-sign-2 = Le piden el número de su tarjeta, las claves de su banca en línea o un código de un solo uso.
advice-fake_refund-sign-3 = Quieren conectarse a su ordenador o a su teléfono «para tramitar el reembolso».
advice-fake_refund-sign-4 = Le piden que devuelva dinero.
advice-fake_refund-do-1 = Cuelgue o deje de responder.
advice-fake_refund-do-2 = Compruebe cualquier reembolso en su cuenta, nunca a través de un enlace ni de alguien que le llame.
advice-fake_refund-do-3 = Denúncienos el número o el mensaje.
advice-fake_refund-paid = Póngase en contacto con su banco de inmediato. Si alguien se conectó a su dispositivo, desconéctelo de internet, desinstale el programa de acceso remoto y cambie sus contraseñas desde otro dispositivo.

## Peticiones de tarjetas regalo
advice-gift_card-title = Peticiones de pago con tarjetas regalo
advice-gift_card-summary = Cualquiera que le pida que pague con tarjetas regalo, o que le lea los códigos del reverso, es un estafador.
advice-gift_card-how = Las tarjetas regalo son como dinero en efectivo: en cuanto se facilitan los códigos, el dinero desaparece y es difícil de rastrear. Los estafadores las piden con el pretexto de una «tasa», una «multa», un «error en un reembolso» o una «comprobación de seguridad».
advice-gift_card-sign-1 = Le piden que compre tarjetas regalo y que envíe fotos de los códigos.
advice-gift_card-sign-2 = Le dicen que no se lo cuente a nadie, ni siquiera al dependiente de la tienda.
advice-gift_card-sign-3 = Le dicen que es urgente o que tendrá problemas.
advice-gift_card-sign-4 = Se hacen pasar por nosotros, por un banco, por la policía o por la agencia tributaria.
advice-gift_card-do-1 = No pague nunca a nadie con tarjetas regalo.
advice-gift_card-do-2 = No comparta nunca los códigos del reverso de una tarjeta.
advice-gift_card-do-3 = Denúncienos la petición, con el número o la dirección de donde procedía.
advice-gift_card-paid = Póngase en contacto de inmediato con la empresa que emitió la tarjeta regalo y facilítele los códigos y los recibos: si el dinero aún no se ha gastado, es posible que pueda congelarlo. Guarde los recibos para la policía.

## Números falsos de atención al cliente
advice-fake_support-title = Números falsos de atención al cliente
advice-fake_support-summary = Los estafadores publican números de asistencia falsos en resultados de búsqueda, anuncios y redes sociales, y esperan a que la gente llame.
advice-fake_support-how = Usted busca ayuda, llama al primer número que encuentra y le atiende alguien que parece profesional. Esa persona le pide su contraseña, un código enviado a su teléfono o un pago para «desbloquear» su cuenta.
advice-fake_support-sign-1 = Encontró el número en un anuncio de un buscador, en un foro o en un comentario en redes sociales.
advice-fake_support-sign-2 = La persona le pide su contraseña o un código que recibió por SMS.
advice-fake_support-sign-3 = Le piden un pago o tarjetas regalo para solucionar un problema.
advice-fake_support-sign-4 = Quieren instalar una aplicación en su teléfono o en su ordenador.
advice-fake_support-do-1 = Contacte con atención al cliente solo desde las páginas de ayuda de nuestra aplicación o de nuestro sitio web.
advice-fake_support-do-2 = Utilice «¿Somos realmente nosotros?» para comprobar un número antes de llamar.
advice-fake_support-do-3 = Denuncie los números falsos para que podamos conseguir que los retiren.
advice-fake_support-paid = Póngase en contacto con su banco, cambie su contraseña y cierre la sesión en todos los dispositivos desde la configuración de su cuenta.

## Llamadas de falso soporte técnico
advice-tech_support-title = Llamadas de falso soporte técnico
advice-tech_support-summary = Alguien le llama o aparece una ventana emergente para decirle que su ordenador o su cuenta han sido pirateados, y le ofrece arreglarlo.
advice-tech_support-how = Una ventana emergente con un aviso estridente o una llamada «del equipo de seguridad» le dice que unos delincuentes están usando su cuenta. Le piden que instale una aplicación de acceso remoto, luego le muestran pruebas falsas y le piden un pago o sus datos bancarios.
advice-tech_support-sign-1 = Una llamada o una ventana emergente inesperada le dice que su dispositivo o su cuenta están infectados o pirateados.
advice-tech_support-sign-2 = Le piden que instale un programa o una aplicación para poder ayudarle.
advice-tech_support-sign-3 = Le piden que entre en su banca en línea mientras están conectados a su dispositivo.
advice-tech_support-sign-4 = La ventana emergente no se cierra y muestra un número al que llamar.
advice-tech_support-do-1 = Cuelgue. Nunca le llamaremos para decirle que su ordenador está infectado.
advice-tech_support-do-2 = Cierre el navegador. Si la ventana emergente no se cierra, reinicie el dispositivo.
advice-tech_support-do-3 = Denúncienos el número o el sitio web.
advice-tech_support-paid = Desconecte el dispositivo de internet, desinstale cualquier programa que le hayan instalado, haga un análisis de seguridad y llame a su banco. Cambie sus contraseñas desde un dispositivo al que no hayan tenido acceso.
