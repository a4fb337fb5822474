# Pages de conseils sur les arnaques courantes (ticket 3). L'anglais est la langue de référence : toutes les
# autres langues contiennent chacun des messages ci-dessous, avec les mêmes variables. Chaque sujet comporte
# un titre, un résumé d'une ligne, le fonctionnement de l'arnaque, quatre signes qui doivent alerter, trois
# choses à faire et la marche à suivre si de l'argent a déjà été versé.

advice-index-title = Conseils sur les arnaques courantes
advice-index-intro = Des escrocs se font passer pour { $brand } afin d'obtenir votre argent ou vos mots de passe. Voici les ruses que nous rencontrons le plus souvent, et comment les repérer.
advice-signs-title = Comment la reconnaître
advice-do-title = Que faire
advice-paid-title = Si vous avez déjà payé ou communiqué vos informations
advice-report-cta = Vous avez reçu un message de ce type ? Signalez-le.
advice-read-more = En savoir plus

## Fausses confirmations de commande
advice-fake_order-title = Fausses confirmations de commande
advice-fake_order-summary = Un message vous confirme une commande coûteuse que vous n'avez jamais passée et vous presse d'appeler ou de cliquer pour l'annuler.
advice-fake_order-how = Le message ressemble à un vrai reçu pour un téléphone, un ordinateur portable ou une carte cadeau. Sous le coup de l'inquiétude, vous appelez le numéro ou ouvrez le lien, et l'« annulation » débouche sur des questions sur votre carte bancaire, sur une demande de paiement ou sur l'installation d'un logiciel qui donne aux escrocs l'accès à votre ordinateur.
advice-fake_order-sign-1 = Vous n'avez pas commandé ce que décrit le message.
advice-fake_order-sign-2 = Il vous donne un numéro à appeler pour annuler, au lieu de vous renvoyer vers votre compte.
advice-fake_order-sign-3 = Il provient d'une adresse ou d'un numéro qui ne fait pas partie de nos canaux officiels.
advice-fake_order-sign-4 = Il vous pousse à agir dans les heures qui suivent.
advice-fake_order-do-1 = N'appelez pas le numéro indiqué et ne cliquez pas sur les liens du message.
advice-fake_order-do-2 = Ouvrez l'application ou saisissez vous-même notre adresse, puis consultez vos commandes.
advice-fake_order-do-3 = Signalez le message pour que nous puissions faire bloquer le numéro ou le site.
advice-fake_order-paid = Appelez votre banque ou l'émetteur de votre carte au numéro inscrit sur celle-ci et demandez-lui de bloquer le paiement. Changez votre mot de passe et supprimez tout logiciel que votre interlocuteur vous a demandé d'installer.

## Faux remboursements
advice-fake_refund-title = Fausses offres de remboursement
advice-fake_refund-summary = Quelqu'un vous annonce qu'un remboursement vous est dû et, pour vous le verser, réclame vos coordonnées bancaires, un paiement ou un accès à distance à votre appareil.
advice-fake_refund-how = L'escroc affirme qu'un remboursement vous attend, puis prétend qu'une somme trop élevée vous a été versée par erreur et vous demande de rendre la différence, souvent en cartes cadeaux ou par virement bancaire. Un vrai remboursement est toujours reversé automatiquement sur le moyen de paiement que vous avez utilisé.
advice-fake_refund-sign-1 = Vous n'avez demandé aucun remboursement.
advice-fake_refund-sign-2 = On vous demande votre numéro de carte, vos identifiants de banque en ligne ou un code à usage unique.
advice-fake_refund-sign-3 = On veut se connecter à votre ordinateur ou à votre téléphone « pour traiter le remboursement ».
advice-fake_refund-sign-4 = On vous demande de rembourser une somme.
advice-fake_refund-do-1 = Raccrochez ou cessez de répondre.
advice-fake_refund-do-2 = Vérifiez tout remboursement depuis votre compte, jamais en passant par un lien ou par la personne qui vous appelle.
advice-fake_refund-do-3 = Signalez-nous le numéro ou le message.
advice-fake_refund-paid = Contactez immédiatement votre banque. Si quelqu'un s'est connecté à votre appareil, déconnectez celui-ci d'Internet, désinstallez le programme d'accès à distance et changez vos mots de passe depuis un autre appareil.

## Demandes de cartes cadeaux
advice-gift_card-title = Demandes de paiement en cartes cadeaux
advice-gift_card-summary = Toute personne qui vous demande de payer avec des cartes cadeaux, ou de lui lire les codes inscrits au dos, est un escroc.
advice-gift_card-how = Une carte cadeau, c'est comme de l'argent liquide : une fois les codes transmis, l'argent est perdu et difficile à retracer. Les escrocs en réclament pour régler des « frais », une « amende », une « erreur de remboursement » ou une « vérification de sécurité ».
advice-gift_card-sign-1 = On vous demande d'acheter des cartes cadeaux et d'envoyer des photos des codes.
advice-gift_card-sign-2 = On vous demande de garder le secret, y compris auprès du vendeur en magasin.
advice-gift_card-sign-3 = On vous dit que c'est urgent ou que vous aurez des ennuis.
advice-gift_card-sign-4 = On se fait passer pour nous, pour une banque, pour la police ou pour l'administration fiscale.
advice-gift_card-do-1 = Ne payez jamais personne avec des cartes cadeaux.
advice-gift_card-do-2 = Ne communiquez jamais les codes inscrits au dos d'une carte.
advice-gift_card-do-3 = Signalez-nous la demande, avec le numéro ou l'adresse d'où elle provient.
advice-gift_card-paid = Contactez immédiatement l'entreprise qui a émis la carte cadeau, en ayant les codes et les tickets de caisse sous la main : si l'argent n'a pas encore été dépensé, elle pourra peut-être le bloquer. Conservez les tickets de caisse pour la police.

## Faux numéros de service client
advice-fake_support-title = Faux numéros de service client
advice-fake_support-summary = Des escrocs publient de faux numéros d'assistance dans les résultats de recherche, dans des publicités et sur les réseaux sociaux, puis attendent qu'on les appelle.
advice-fake_support-how = Vous cherchez de l'aide, appelez le premier numéro trouvé et tombez sur une personne qui semble très professionnelle. Elle vous demande votre mot de passe, un code envoyé sur votre téléphone ou un paiement pour « débloquer » votre compte.
advice-fake_support-sign-1 = Vous avez trouvé le numéro dans une publicité sur un moteur de recherche, un message de forum ou un commentaire sur les réseaux sociaux.
advice-fake_support-sign-2 = Votre interlocuteur vous demande votre mot de passe ou un code reçu par SMS.
advice-fake_support-sign-3 = On vous demande un paiement ou des cartes cadeaux pour résoudre un problème.
advice-fake_support-sign-4 = On veut installer une application sur votre téléphone ou votre ordinateur.
advice-fake_support-do-1 = Ne contactez le service client qu'à partir des pages d'aide de notre application ou de notre site web.
advice-fake_support-do-2 = Utilisez « Est-ce vraiment nous ? » pour vérifier un numéro avant de l'appeler.
advice-fake_support-do-3 = Signalez les faux numéros pour que nous puissions les faire supprimer.
advice-fake_support-paid = Contactez votre banque, changez votre mot de passe et déconnectez-vous de tous vos appareils depuis les paramètres de votre compte.

## Faux appels d'assistance technique
advice-tech_support-title = Faux appels d'assistance technique
advice-tech_support-summary = Une personne au téléphone ou une fenêtre pop-up vous annonce que votre ordinateur ou votre compte a été piraté et vous propose de régler le problème.
advice-tech_support-how = Une fenêtre pop-up affichant un message d'alerte affolant, ou un appel « de l'équipe de sécurité », vous annonce que des criminels utilisent votre compte. On vous demande d'installer une application d'accès à distance, puis on vous montre de fausses preuves et on vous réclame un paiement ou vos coordonnées bancaires.
advice-tech_support-sign-1 = Un appel ou une fenêtre pop-up inattendus vous annoncent que votre appareil ou votre compte est infecté ou piraté.
advice-tech_support-sign-2 = On vous demande d'installer un programme ou une application pour pouvoir vous aider.
advice-tech_support-sign-3 = On vous demande de vous connecter à votre banque en ligne pendant que la personne est connectée à votre appareil.
advice-tech_support-sign-4 = La fenêtre pop-up refuse de se fermer et affiche un numéro à appeler.
advice-tech_support-do-1 = Raccrochez. Nous n'appelons jamais pour vous dire que votre ordinateur est infecté.
advice-tech_support-do-2 = Fermez le navigateur. Si la fenêtre pop-up ne se ferme pas, redémarrez l'appareil.
advice-tech_support-do-3 = Signalez-nous le numéro ou le site web.
advice-tech_support-paid = Déconnectez l'appareil d'Internet, désinstallez tout programme installé par les escrocs, lancez une analyse antivirus et appelez votre banque. Changez vos mots de passe depuis un appareil auquel ils n'ont pas eu accès.
