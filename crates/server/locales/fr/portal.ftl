# Portail public de signalement (ticket 3). L'anglais est la langue de référence : toutes les autres langues
# contiennent chacun des messages ci-dessous, avec les mêmes variables.

## Éléments communs
site-name = Signaler une arnaque
site-tagline = Signalez-nous les messages qui se font passer pour { $brand }. Chaque signalement nous aide à identifier et à arrêter les personnes qui se cachent derrière.
language-label = Langue
language-change = Changer de langue
skip-to-content = Aller au contenu principal
nav-report = Signaler une arnaque
nav-check = Est-ce vraiment nous ?
nav-status = Suivre un signalement
footer-privacy = Nous utilisons les informations que vous nous transmettez uniquement pour lutter contre la fraude. Nous ne communiquons jamais vos coordonnées aux personnes que vous signalez.
footer-never-ask = { $brand } ne vous demandera jamais de cartes cadeaux, de mots de passe ni de codes à usage unique.

## Formulaire de signalement
form-title = Signaler un message ou un appel frauduleux
form-intro = Les champs marqués « facultatif » peuvent rester vides. Vous n'avez pas besoin de compte.
form-required = obligatoire
form-optional = facultatif
field-channel = Par quel moyen vous est-il parvenu ?
channel-email = E-mail
channel-sms = SMS
channel-phone_call = Appel téléphonique
channel-social_media = Réseau social ou messagerie instantanée
channel-web = Site web ou fenêtre pop-up
channel-other = Autre
field-body = Le message
field-body-hint = Collez le message en entier, tel que vous l'avez reçu. S'il s'agit d'un appel, notez ce que votre interlocuteur vous a dit.
field-eml = Ou envoyez l'e-mail sous forme de fichier (.eml)
field-eml-hint = Dans la plupart des logiciels de messagerie : ouvrez le message, puis choisissez « Enregistrer sous » ou « Télécharger le message ».
field-sender = Qui vous l'a envoyé ?
field-sender-hint = L'adresse e-mail, le numéro de téléphone ou le nom du compte d'où il provient.
field-links = Liens contenus dans le message
field-links-hint = Recopiez-les exactement. Surtout, ne les ouvrez pas.
field-phone = Le numéro de téléphone qui vous a appelé ou envoyé un SMS
field-when = Quand l'avez-vous reçu ?
field-what-happened = Que s'est-il passé ?
field-what-happened-hint = Par exemple : on vous a proposé un remboursement, confirmé une commande que vous n'aviez pas passée, ou demandé des cartes cadeaux.
field-money-lost = Avez-vous perdu de l'argent ?
money-lost-no = Non
money-lost-yes = Oui
field-amount = Montant
field-currency = Devise
field-payment-method = Comment avez-vous payé ?
payment-gift_card = Cartes cadeaux
payment-wire = Virement bancaire
payment-crypto = Cryptomonnaie
payment-card = Carte bancaire (crédit ou débit)
payment-other = Autre moyen
field-screenshot = Capture d'écran
field-screenshot-hint = Une image du message, si vous en avez une (PNG ou JPEG, { $max_mb } Mo maximum).
field-email = Votre adresse e-mail
field-email-hint = Pour vous prévenir lorsque nous prenons des mesures suite à votre signalement. Nous ne l'utiliserons pour rien d'autre.
form-submit = Envoyer le signalement
form-sending = Envoi en cours…

## Erreurs du formulaire
error-summary-title = { $count ->
    [one] Votre signalement comporte { $count } problème
    [many] Votre signalement comporte { $count } problèmes
   *[other] Votre signalement comporte { $count } problèmes
}
error-required = Veuillez remplir ce champ.
error-body-empty = Veuillez coller le message que vous avez reçu.
error-body-too-long = Le message est trop long. Veuillez le réduire à { $max } caractères maximum.
error-email-invalid = Veuillez saisir une adresse e-mail de la forme nom@example.com.
error-amount-invalid = Veuillez saisir un montant de la forme 49,99.
error-currency-invalid = Veuillez choisir une devise.
error-date-invalid = Veuillez saisir une date de la forme { $example }.
error-date-future = La date ne peut pas être dans le futur.
error-file-too-large = Le fichier est trop volumineux. La taille maximale acceptée est de { $max_mb } Mo.
error-file-type = Nous ne pouvons pas lire ce type de fichier. Formats acceptés : { $types }.
error-eml-invalid = Nous n'avons pas pu lire ce fichier en tant qu'e-mail. Veuillez plutôt coller le message.
error-try-again = Un problème est survenu de notre côté. Rien n'a été perdu : veuillez renvoyer le formulaire dans quelques instants.

## Accusé de réception
ack-title = Merci. Nous avons bien reçu votre signalement.
ack-reference = Votre numéro de référence est le { $reference }.
ack-keep-reference = Conservez-le : il vous permet de suivre l'avancement de votre signalement.
ack-next-title = Et maintenant ?
ack-next-review = Notre équipe examine chaque signalement. Les signalements concernant une même arnaque sont regroupés : le vôtre nous aide donc à en mesurer l'ampleur.
ack-next-action = Lorsque nous prenons des mesures, par exemple la fermeture d'un faux site web, nous mettons à jour le statut de votre signalement.
ack-next-email = Nous vous enverrons également un e-mail à l'adresse { $email }.
ack-lost-money = Si vous avez perdu de l'argent, contactez dès maintenant votre banque ou l'émetteur de votre carte. Ils pourront peut-être bloquer ou annuler le paiement.
ack-another = Signaler une autre arnaque

## Page de suivi
status-title = Signalement { $reference }
status-lookup-label = Votre numéro de référence
status-lookup-submit = Vérifier
status-not-found = Nous n'avons trouvé aucun signalement correspondant à ce numéro de référence. Veuillez le vérifier et réessayer.
status-received = Reçu
status-received-detail = Nous avons bien reçu votre signalement ; il est en attente d'examen.
status-under_review = En cours d'examen
status-under_review-detail = Notre équipe examine l'arnaque que vous avez signalée.
status-action_taken = Mesures prises
status-action_taken-detail = Nous avons pris des mesures contre cette arnaque. Merci de nous aider à protéger les autres.
status-received-on = Reçu le { $date }

## Est-ce vraiment nous ?
check-title = Est-ce vraiment { $brand } ?
check-intro = Collez un message, un lien, une adresse e-mail ou un numéro de téléphone : nous vous dirons ce que nous savons à son sujet.
check-input-label = Message, lien, adresse e-mail ou numéro de téléphone
check-submit = Vérifier
verdict-official = Il s'agit d'un canal officiel { $brand }.
verdict-known_scam = Il s'agit d'une arnaque connue. Ne répondez pas, ne cliquez sur rien et ne payez rien. { $count ->
    [one] { $count } personne l'a déjà signalée.
    [many] { $count } personnes l'ont déjà signalée.
   *[other] { $count } personnes l'ont déjà signalée.
}
verdict-lookalike = Cela ressemble à { $brand }, mais n'en provient pas. Il s'agit très probablement d'une arnaque.
verdict-unknown = Nous n'avons encore aucune information à ce sujet. Si l'on vous demande de l'argent, des mots de passe ou des codes, considérez qu'il s'agit d'une arnaque et signalez-la.
check-report-it = Le signaler

## E-mail d'accusé de réception
email-ack-subject = Votre signalement d'arnaque { $reference }
email-ack-greeting = Bonjour,
email-ack-body = Merci d'avoir signalé une arnaque qui utilisait le nom { $brand }. Votre numéro de référence est le { $reference }.
email-ack-status = Vous pouvez suivre l'avancement de votre signalement à tout moment : { $url }
email-ack-action-subject = Du nouveau concernant votre signalement { $reference }
email-ack-action-body = Nous avons pris des mesures contre l'arnaque que vous avez signalée. Merci de nous aider à protéger les autres.
email-ack-signoff = L'équipe Protection des clients { $brand }

## Avertissement aux clients (e-mail en texte brut) : une arnaque utilise le nom de la marque. Sous l'introduction figure
## la liste des adresses, numéros et sites des escrocs, écrits sous une forme neutralisée (evil[.]com).
warning-subject = Attention : les messages qui se font passer pour { $brand } sont des arnaques
warning-intro = Les messages qui prétendent venir de { $brand } et qui proviennent des adresses et numéros ci-dessous, ou qui renvoient vers eux, sont des arnaques. Ils ne viennent pas de nous.
warning-more = { $count ->
    [one] et { $count } autre
    [many] et { $count } autres
   *[other] et { $count } autres
}
warning-if-you-receive = Si vous en recevez un :
warning-no-links = ne cliquez jamais sur ses liens et n'ouvrez jamais ses pièces jointes ;
warning-no-payment = ne payez jamais rien et ne communiquez jamais de mot de passe, de code ni de données de carte bancaire ;
warning-report = signalez-le-nous à l'adresse { $address }, puis supprimez-le.
warning-paid = Si vous avez déjà payé ou communiqué des informations, contactez immédiatement votre banque.
warning-reference = Référence : { $reference }

## Éléments de mise en page
page-title = { $page } – { $brand }
nav-advice = Conseils contre les arnaques
nav-main = Menu principal
breadcrumb-home = Accueil
noscript-ok = JavaScript n'est pas activé dans votre navigateur. Ce n'est pas un problème : le formulaire fonctionne quand même.
contact-direct = Si vous êtes en danger ou si vous venez de payer un escroc, appelez d'abord votre banque et la police.

## Formulaire de signalement, champs supplémentaires
field-scam-kind = De quoi s'agissait-il ?
scam-kind-fake_order = On m'a confirmé une commande que je n'avais pas passée
scam-kind-fake_refund = On m'a proposé un remboursement
scam-kind-gift_card = On m'a demandé des cartes cadeaux
scam-kind-fake_support = Quelqu'un se faisait passer pour le service client
scam-kind-tech_support = On m'a dit que mon ordinateur ou mon compte avait un problème
scam-kind-delivery = Un problème de livraison ou des frais de colis
scam-kind-prize = Un gain, un emploi ou un investissement
scam-kind-account = On m'a dit que mon compte allait être fermé ou bloqué
scam-kind-other = Autre chose
choose-one = Faites votre choix
field-date-hint = Par exemple { $example }. Laissez ce champ vide si vous ne savez pas.
field-time = Heure
field-country = Où habitez-vous ?
field-country-hint = Cela nous aide à voir où une arnaque se propage.
form-privacy-note = En envoyant ce formulaire, vous acceptez que nous l'utilisions pour enquêter sur l'arnaque. Nous conservons le message comme preuve.
form-challenge = Nous vérifions que vous êtes bien une personne. Cette vérification a lieu dans votre navigateur et ne prend que quelques secondes.
form-challenge-done = Vérification terminée.

## Autres erreurs du formulaire
error-phone-invalid = Veuillez saisir un numéro de téléphone avec l'indicatif du pays, par exemple { $example }.
error-too-many-links = Veuillez indiquer { $max } liens au maximum.
error-link-invalid = Cela ne ressemble pas à un lien. Veuillez le recopier tel qu'il apparaît dans le message.
error-too-long = Veuillez réduire ce texte à { $max } caractères maximum.
error-screenshot-type = Veuillez envoyer une image au format PNG, JPEG, GIF ou WebP.
error-form-expired = Le formulaire est resté ouvert trop longtemps. Veuillez vérifier vos réponses et le renvoyer.
error-rate-limited = { $minutes ->
    [one] Vous avez envoyé de nombreux signalements en peu de temps. Veuillez patienter une minute, puis réessayer.
    [many] Vous avez envoyé de nombreux signalements en peu de temps. Veuillez patienter { $minutes } minutes, puis réessayer.
   *[other] Vous avez envoyé de nombreux signalements en peu de temps. Veuillez patienter { $minutes } minutes, puis réessayer.
}
error-channel-missing = Veuillez nous indiquer par quel moyen le message vous est parvenu.
error-page-not-found-title = Page introuvable
error-page-not-found = Nous n'avons pas trouvé cette page. Elle a peut-être été déplacée.
error-server-title = Un problème est survenu
error-bad-request = Nous n'avons pas compris les informations envoyées par votre navigateur. Veuillez revenir en arrière et réessayer.

## Page de suivi, suite
status-lookup-title = Suivre un signalement
status-lookup-intro = Saisissez le numéro de référence que vous avez reçu lors de votre signalement, par exemple { $example }.
status-steps = Avancement de votre signalement
status-step-done = étape terminée
status-step-current = étape en cours
status-step-pending = étape à venir
status-updated-on = Dernière mise à jour le { $date }
status-privacy = Pour protéger votre vie privée, cette page indique uniquement où en est votre signalement, jamais son contenu.

## Est-ce vraiment nous ? Suite
check-empty = Veuillez coller le contenu à vérifier.
check-too-long = Veuillez coller { $max } caractères au maximum.
check-result-title = Ce que nous avons trouvé
check-checked-value = Votre recherche : { $value }
check-known-since = Premier signalement le { $date }.
check-known-channels = Moyens utilisés pour contacter les gens : { $channels }.
check-what-to-do = Que faire maintenant ?
check-advice-official = Vous pouvez répondre en toute sécurité. Si vous avez encore des doutes, contactez-nous depuis l'application ou le site web que vous utilisez habituellement, jamais au moyen d'un lien reçu dans un message.
check-advice-scam = Ne répondez pas, ne rappelez pas, ne cliquez sur aucun lien et ne payez rien. Si vous l'avez déjà fait, contactez immédiatement votre banque et changez vos mots de passe.
check-advice-unknown = Restez sur vos gardes. Nous ne demandons jamais de cartes cadeaux, de mots de passe ni de codes à usage unique, et nous ne vous pressons jamais de payer.
check-official-channels = Nos canaux officiels
