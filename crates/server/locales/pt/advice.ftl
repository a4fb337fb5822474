# Páginas de conselhos sobre fraudes comuns (pedido n.º 3). O inglês é a referência: todas as outras línguas
# têm todas as mensagens que estão aqui, com as mesmas variáveis. Cada tema tem um título, um resumo de uma
# linha, uma explicação de como funciona a fraude, quatro sinais de alerta, três coisas a fazer e o que fazer
# se já tiver sido pago algum valor.

advice-index-title = Conselhos sobre as fraudes mais comuns
advice-index-intro = Há criminosos que se fazem passar por { $brand } para ficar com o seu dinheiro ou as suas senhas. Estes são os truques que vemos com mais frequência e como reconhecê-los.
advice-signs-title = Como reconhecer a fraude
advice-do-title = O que fazer
advice-paid-title = Se já pagou ou forneceu os seus dados
advice-report-cta = Recebeu algo parecido? Denuncie.
advice-read-more = Saiba mais

## Falsas confirmações de compra
advice-fake_order-title = Falsas confirmações de compra
advice-fake_order-summary = Uma mensagem confirma uma compra cara que nunca fez e insiste para que ligue ou clique para cancelá-la.
advice-fake_order-how = A mensagem parece um recibo verdadeiro de um telefone, de um computador portátil ou de um cartão-presente. Na aflição do momento, liga para o número ou abre o link, e o suposto “cancelamento” acaba em perguntas sobre o seu cartão, num pedido de pagamento ou num programa que dá aos criminosos acesso ao seu computador.
advice-fake_order-sign-1 = Não comprou o que a mensagem descreve.
advice-fake_order-sign-2 = Indica um número de telefone para ligar e cancelar, em vez de pedir que consulte a sua conta.
advice-fake_order-sign-3 = Vem de um endereço ou de um número que não faz parte dos nossos canais oficiais.
advice-fake_order-sign-4 = Pressiona para que aja em poucas horas.
advice-fake_order-do-1 = Não ligue para o número nem clique nos links da mensagem.
advice-fake_order-do-2 = Abra o nosso aplicativo ou escreva diretamente o nosso endereço no navegador e consulte aí as suas compras.
advice-fake_order-do-3 = Denuncie a mensagem para que possamos bloquear o número ou o site.
advice-fake_order-paid = Ligue para o seu banco ou para a entidade emissora do seu cartão, usando o número impresso no cartão, e peça que bloqueiem o pagamento. Mude a sua senha e remova qualquer programa que a pessoa ao telefone lhe tenha pedido para instalar.

## Falsos reembolsos
advice-fake_refund-title = Falsas ofertas de reembolso
advice-fake_refund-summary = Alguém diz que tem um reembolso a receber e, para enviá-lo, pede os seus dados bancários, um pagamento ou acesso remoto ao seu dispositivo.
advice-fake_refund-how = O criminoso afirma que há um reembolso à sua espera, depois diz que foi enviado dinheiro a mais por engano e pede que devolva a diferença, muitas vezes em cartões-presente ou por transferência bancária. Os reembolsos verdadeiros são feitos automaticamente pelo mesmo meio de pagamento que usou.
advice-fake_refund-sign-1 = Não pediu nenhum reembolso.
advice-fake_refund-sign-2 = Pedem o número do seu cartão, os dados de acesso ao seu banco pela internet ou um código de uso único.
advice-fake_refund-sign-3 = Querem controlar à distância o seu computador ou telefone “para processar o reembolso”.
advice-fake_refund-sign-4 = Pedem que devolva algum dinheiro.
advice-fake_refund-do-1 = Desligue a chamada ou deixe de responder.
advice-fake_refund-do-2 = Verifique qualquer reembolso na sua conta, nunca através de um link ou de alguém que lhe telefone.
advice-fake_refund-do-3 = Envie-nos uma denúncia com o número ou a mensagem.
advice-fake_refund-paid = Fale imediatamente com o seu banco. Se alguém controlou o seu dispositivo à distância, desconecte-o da internet, desinstale o programa de acesso remoto e mude as suas senhas a partir de outro dispositivo.

## Pedidos de cartões-presente
advice-gift_card-title = Pedidos de pagamento com cartões-presente
advice-gift_card-summary = Quem lhe pede para pagar com cartões-presente, ou para ler em voz alta os códigos no verso, é um criminoso.
advice-gift_card-how = Os cartões-presente são como dinheiro vivo: depois de revelados os códigos, o dinheiro desaparece e é difícil de rastrear. Os criminosos exigem este meio de pagamento a pretexto de uma “taxa”, de uma “multa”, de um “erro de reembolso” ou de uma “verificação de segurança”.
advice-gift_card-sign-1 = Pedem que compre cartões-presente e envie fotografias dos códigos.
advice-gift_card-sign-2 = Pedem que não conte a ninguém, nem mesmo ao funcionário da loja.
advice-gift_card-sign-3 = Dizem que é urgente ou que vai ter problemas.
advice-gift_card-sign-4 = Fazem-se passar por nós, por um banco, pela polícia ou pelo fisco.
advice-gift_card-do-1 = Nunca pague a ninguém com cartões-presente.
advice-gift_card-do-2 = Nunca revele os códigos no verso de um cartão.
advice-gift_card-do-3 = Denuncie o pedido, indicando o número ou o endereço de onde veio.
advice-gift_card-paid = Fale imediatamente com a empresa que emitiu o cartão-presente e tenha à mão os códigos e os recibos: se o dinheiro ainda não tiver sido gasto, talvez consiga bloqueá-lo. Guarde os recibos para entregar à polícia.

## Números falsos de atendimento ao cliente
advice-fake_support-title = Números falsos de atendimento ao cliente
advice-fake_support-summary = Os criminosos publicam números de suporte falsos em resultados de pesquisa, anúncios e redes sociais, e esperam que as pessoas liguem.
advice-fake_support-how = Procura ajuda, liga para o primeiro número que encontra e do outro lado atende alguém que parece profissional. Essa pessoa pede a sua senha, um código enviado para o seu telefone ou um pagamento para “desbloquear” a sua conta.
advice-fake_support-sign-1 = Encontrou o número num anúncio nos resultados de pesquisa, numa publicação de um fórum ou num comentário nas redes sociais.
advice-fake_support-sign-2 = A pessoa pede a sua senha ou um código que recebeu por SMS.
advice-fake_support-sign-3 = Pedem um pagamento ou cartões-presente para resolver um problema.
advice-fake_support-sign-4 = Querem instalar um aplicativo no seu telefone ou computador.
advice-fake_support-do-1 = Fale com o nosso atendimento ao cliente apenas através das páginas de ajuda do nosso aplicativo ou do nosso site.
advice-fake_support-do-2 = Use “Somos mesmo nós?” para verificar um número antes de ligar.
advice-fake_support-do-3 = Denuncie os números falsos para que possamos pedir a sua remoção.
advice-fake_support-paid = Fale com o seu banco, mude a sua senha e termine a sessão em todos os dispositivos nas configurações da sua conta.

## Chamadas de falso suporte técnico
advice-tech_support-title = Chamadas de falso suporte técnico
advice-tech_support-summary = Alguém ao telefone ou uma janela pop-up diz que o seu computador ou a sua conta foram invadidos e oferece-se para resolver o problema.
advice-tech_support-how = Uma janela pop-up com um aviso alarmante ou uma chamada “do departamento de segurança” diz que criminosos se apoderaram da sua conta. Pedem que instale um aplicativo de acesso remoto, depois mostram provas falsas e pedem um pagamento ou os seus dados bancários.
advice-tech_support-sign-1 = Uma chamada ou uma janela pop-up inesperada diz que o seu dispositivo tem vírus ou que a sua conta foi invadida.
advice-tech_support-sign-2 = Pedem que instale um programa ou um aplicativo para poderem ajudar.
advice-tech_support-sign-3 = Pedem que entre no site do seu banco enquanto controlam o seu dispositivo à distância.
advice-tech_support-sign-4 = A janela pop-up não fecha e indica um número para ligar.
advice-tech_support-do-1 = Desligue. Nunca telefonamos para dizer que o seu computador tem vírus.
advice-tech_support-do-2 = Feche o navegador. Se a janela pop-up não fechar, reinicie o dispositivo.
advice-tech_support-do-3 = Denuncie o número ou o site.
advice-tech_support-paid = Desconecte o dispositivo da internet, remova todos os programas que os criminosos instalaram, faça uma verificação de segurança e ligue para o seu banco. Mude as suas senhas a partir de um dispositivo em que eles não tenham mexido.
