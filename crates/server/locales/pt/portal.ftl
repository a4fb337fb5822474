# Portal público de denúncias (pedido n.º 3). O inglês é a referência: todas as outras línguas têm
# todas as mensagens que estão aqui, com as mesmas variáveis.

## Comum
site-name = Denunciar uma fraude
site-tagline = Informe-nos sobre mensagens que fingem vir de { $brand }. Cada denúncia contribui para encontrarmos e determos os responsáveis.
language-label = Idioma
language-change = Mudar de idioma
skip-to-content = Ir para o conteúdo principal
nav-report = Denunciar uma fraude
nav-check = Somos mesmo nós?
nav-status = Consultar uma denúncia
footer-privacy = Usamos as informações enviadas apenas para combater a fraude. Nunca revelamos os seus dados pessoais às pessoas denunciadas.
footer-never-ask = { $brand } nunca pede cartões-presente, senhas ou códigos de uso único.

## Formulário de denúncia
form-title = Denunciar uma mensagem ou um telefonema fraudulento
form-intro = Os campos marcados como opcionais podem ficar em branco. Não é necessário ter conta.
form-required = obrigatório
form-optional = opcional
field-channel = Como recebeu a mensagem ou a chamada?
channel-email = E-mail
channel-sms = Mensagem de texto (SMS)
channel-phone_call = Telefonema
channel-social_media = Redes sociais ou app de mensagens
channel-web = Site ou janela pop-up
channel-other = Outra forma
field-body = A mensagem
field-body-hint = Cole a mensagem completa, tal como a recebeu. No caso de um telefonema, escreva o que a pessoa disse.
field-eml = Ou envie o e-mail como anexo (.eml)
field-eml-hint = Na maioria dos programas de e-mail: abra a mensagem e escolha "Guardar como" ou "Salvar como", conforme o programa.
field-sender = Quem a enviou?
field-sender-hint = O endereço de e-mail, o número de telefone ou o nome da conta de onde veio.
field-links = Links na mensagem
field-links-hint = Copie-os exatamente como estão. Por favor, não os abra.
field-phone = O número de telefone de onde recebeu a chamada ou a mensagem
field-when = Quando a recebeu?
field-what-happened = O que aconteceu?
field-what-happened-hint = Por exemplo: ofereceram um reembolso, confirmaram uma compra que não fez ou pediram cartões-presente.
field-money-lost = Perdeu dinheiro?
money-lost-no = Não
money-lost-yes = Sim
field-amount = Valor
field-currency = Moeda
field-payment-method = Como pagou?
payment-gift_card = Cartões-presente
payment-wire = Transferência bancária
payment-crypto = Criptomoedas
payment-card = Cartão de crédito ou de débito
payment-other = Outra forma
field-screenshot = Imagem da mensagem
field-screenshot-hint = Uma fotografia ou captura da mensagem, se tiver (PNG ou JPEG, até { $max_mb } MB).
field-email = O seu endereço de e-mail
field-email-hint = Serve para avisarmos quando tomarmos medidas em relação à sua denúncia. Não será usado para mais nada.
form-submit = Enviar denúncia
form-sending = Envio em curso…

## Erros do formulário
error-summary-title = { $count ->
    [one] Há um problema na sua denúncia
    [many] Há { $count } problemas na sua denúncia
   *[other] Há { $count } problemas na sua denúncia
}
error-required = Por favor, preencha este campo.
error-body-empty = Por favor, cole a mensagem que recebeu.
error-body-too-long = A mensagem é muito longa. Reduza-a a um máximo de { $max } caracteres.
error-email-invalid = Indique um endereço de e-mail como nome@example.com.
error-amount-invalid = Indique um valor como 49.99.
error-currency-invalid = Escolha uma moeda.
error-date-invalid = Indique uma data, por exemplo { $example }.
error-date-future = A data não pode ser no futuro.
error-file-too-large = O anexo é muito grande. O tamanho máximo permitido é { $max_mb } MB.
error-file-type = Não conseguimos ler este tipo de anexo. Por favor, envie um anexo em formato { $types }.
error-eml-invalid = Não conseguimos ler este anexo como um e-mail. Em vez disso, cole o texto da mensagem.
error-try-again = Ocorreu um erro do nosso lado. Nada se perdeu: volte a enviar o formulário daqui a pouco.

## Confirmação
ack-title = Obrigado. Recebemos a sua denúncia.
ack-reference = O seu código de referência é { $reference }.
ack-keep-reference = Guarde-o: poderá usá-lo para acompanhar o estado da sua denúncia.
ack-next-title = O que acontece a seguir
ack-next-review = Analisamos todas as denúncias. As denúncias sobre a mesma fraude são agrupadas, por isso a sua contribui para avaliarmos a dimensão do problema.
ack-next-action = Quando tomamos medidas, como encerrar um site falso, atualizamos o estado da sua denúncia.
ack-next-email = Também enviaremos um e-mail para { $email }.
ack-lost-money = Se perdeu dinheiro, fale imediatamente com o seu banco ou com a entidade emissora do seu cartão. Poderão conseguir bloquear ou anular o pagamento.
ack-another = Denunciar outra fraude

## Página de estado
status-title = Denúncia { $reference }
status-lookup-label = O seu código de referência
status-lookup-submit = Consultar
status-not-found = Não existe nenhuma denúncia com este código de referência. Verifique-o e tente novamente.
status-received = Recebida
status-received-detail = Recebemos a sua denúncia, que aguarda análise.
status-under_review = Em análise
status-under_review-detail = Os nossos especialistas analisam neste momento a fraude que denunciou.
status-action_taken = Medidas tomadas
status-action_taken-detail = Já foram tomadas medidas contra esta fraude. Obrigado por ajudar a proteger outras pessoas.
status-received-on = Recebida em { $date }

## Somos mesmo nós?
check-title = É mesmo { $brand }?
check-intro = Cole uma mensagem, um link, um endereço de e-mail ou um número de telefone e indicaremos o que sabemos a esse respeito.
check-input-label = Mensagem, link, endereço de e-mail ou número de telefone
check-submit = Verificar
verdict-official = Este é um canal oficial de { $brand }.
verdict-known_scam = Esta é uma fraude conhecida. Não responda, não clique e não pague. { $count ->
    [one] Uma pessoa já a denunciou.
    [many] { $count } pessoas já a denunciaram.
   *[other] { $count } pessoas já a denunciaram.
}
verdict-lookalike = Parece ser { $brand }, mas não é. É muito provavelmente uma fraude.
verdict-unknown = Ainda não temos informações sobre isto. Se lhe pedirem dinheiro, senhas ou códigos, trate-o como uma fraude e denuncie-o.
check-report-it = Denunciar

## E-mail de confirmação
email-ack-subject = A sua denúncia de fraude { $reference }
email-ack-greeting = Olá,
email-ack-body = Obrigado por denunciar uma fraude que usou o nome de { $brand }. O seu código de referência é { $reference }.
email-ack-status = Pode acompanhar o estado da sua denúncia a qualquer momento: { $url }
email-ack-action-subject = Atualização sobre a sua denúncia { $reference }
email-ack-action-body = Foram tomadas medidas contra a fraude que denunciou. Obrigado por ajudar a proteger outras pessoas.
email-ack-signoff = O serviço de proteção de clientes de { $brand }

## Aviso aos clientes (e-mail em texto simples): uma fraude usa o nome da marca. Depois da introdução vem a
## lista dos endereços, números e sites dos autores da fraude, escritos de forma desativada (evil[.]com).
warning-subject = Atenção: as mensagens que fingem vir de { $brand } são uma fraude
warning-intro = As mensagens que dizem vir de { $brand } e que são enviadas a partir dos endereços e números indicados abaixo, ou que contêm links para eles, são uma fraude. Não vêm de nós.
warning-more = { $count ->
    [one] e mais um
    [many] e mais { $count }
   *[other] e mais { $count }
}
warning-if-you-receive = Se receber uma destas mensagens:
warning-no-links = nunca clique nos links nem abra os anexos;
warning-no-payment = nunca pague nada nem forneça senhas, códigos ou os dados do seu cartão;
warning-report = denuncie-a através de { $address } e depois apague-a.
warning-paid = Se já pagou ou forneceu dados, fale imediatamente com o seu banco.
warning-reference = Código de referência: { $reference }

## Elementos da página
page-title = { $page } – { $brand }
nav-advice = Conselhos sobre fraudes
nav-main = Menu principal
breadcrumb-home = Início
noscript-ok = O JavaScript não está ativo no seu navegador. Não há problema: o formulário funciona normalmente.
contact-direct = Se estiver em perigo ou se acabou de pagar a um criminoso, ligue primeiro para o seu banco e para a polícia.

## Formulário de denúncia, mais campos
field-scam-kind = De que se tratava?
scam-kind-fake_order = Confirmaram uma compra que eu não fiz
scam-kind-fake_refund = Ofereceram um reembolso
scam-kind-gift_card = Pediram cartões-presente
scam-kind-fake_support = Disseram ser do atendimento ao cliente
scam-kind-tech_support = Disseram que o meu computador ou a minha conta tinha um problema
scam-kind-delivery = Um problema na entrega ou uma taxa sobre uma encomenda
scam-kind-prize = Um sorteio, uma oferta de emprego ou um investimento
scam-kind-account = Disseram que a minha conta ia ser encerrada ou bloqueada
scam-kind-other = Outra coisa
choose-one = Escolha uma opção
field-date-hint = Por exemplo, { $example }. Deixe em branco se não souber.
field-time = Hora
field-country = Onde mora?
field-country-hint = Com esta informação, vemos em que locais uma fraude se propaga.
form-privacy-note = Ao enviar este formulário, aceita que o usemos para investigar a fraude. Guardamos a mensagem como prova.
form-challenge = Vamos confirmar que é uma pessoa. A verificação é feita no seu navegador e demora alguns segundos.
form-challenge-done = Verificação concluída.

## Mais erros do formulário
error-phone-invalid = Indique um número de telefone com o código do país, por exemplo { $example }.
error-too-many-links = Indique no máximo { $max } links.
error-link-invalid = Isto não parece ser um link. Copie-o exatamente como aparece na mensagem.
error-too-long = Reduza este texto a um máximo de { $max } caracteres.
error-screenshot-type = Envie uma imagem em formato PNG, JPEG, GIF ou WebP.
error-form-expired = O formulário ficou aberto durante muito tempo. Verifique as suas respostas e volte a enviá-lo.
error-rate-limited = { $minutes ->
    [one] Enviou muitas denúncias em pouco tempo. Aguarde um minuto e tente novamente.
    [many] Enviou muitas denúncias em pouco tempo. Aguarde { $minutes } minutos e tente novamente.
   *[other] Enviou muitas denúncias em pouco tempo. Aguarde { $minutes } minutos e tente novamente.
}
error-channel-missing = Indique como recebeu a mensagem.
error-page-not-found-title = Página não encontrada
error-page-not-found = Não encontramos esta página. Pode ter mudado de endereço.
error-server-title = Ocorreu um erro
error-bad-request = Não conseguimos interpretar os dados enviados pelo seu navegador. Volte atrás e tente novamente.

## Página de estado, mais
status-lookup-title = Consultar uma denúncia
status-lookup-intro = Indique o código de referência que recebeu quando fez a denúncia, por exemplo { $example }.
status-steps = Andamento da sua denúncia
status-step-done = etapa concluída
status-step-current = etapa atual
status-step-pending = etapa pendente
status-updated-on = Última atualização em { $date }
status-privacy = Para proteger a sua privacidade, esta página mostra apenas em que fase está a sua denúncia, nunca o que ela dizia.

## Somos mesmo nós? Mais
check-empty = Cole o conteúdo que pretende verificar.
check-too-long = Cole no máximo { $max } caracteres.
check-result-title = O que encontramos
check-checked-value = Pediu para verificar: { $value }
check-known-since = Primeira denúncia em { $date }.
check-known-channels = Chega às pessoas através de: { $channels }.
check-what-to-do = O que fazer agora
check-advice-official = Pode responder em segurança. Se ainda tiver dúvidas, fale com o nosso atendimento ao cliente através do aplicativo ou do site que costuma usar, nunca através de um link recebido numa mensagem.
check-advice-scam = Não responda, não ligue de volta, não clique em links e não pague. Se já o fez, fale imediatamente com o seu banco e mude as suas senhas.
check-advice-unknown = Tenha cuidado. Nunca pedimos cartões-presente, senhas ou códigos de uso único, e nunca exigimos pagamentos com urgência.
check-official-channels = Os nossos canais oficiais
